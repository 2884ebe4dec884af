package io.leadbridge.lifecycle;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code offeredPartners} variable as the list the "Accept or decline lead" task
 * repeats over: one task per partner. (Referenced from the BPMN as {@code offeredPartnerList}.)
 *
 * <p>The variable is transient: it lives from "Select partner" to the start of the offers, in
 * one transaction, and is never stored. Stored, it would be readable by every competitor through
 * its task's variables ({@code /task/{id}/variables}, {@code form-variables}) and name the other
 * partners of an open competition. Who was offered the lead is kept in the offer log.
 */
@Component("offeredPartnerList")
public class OfferedPartnerList {

    public List<String> of(String offeredPartners) {
        if (offeredPartners == null || offeredPartners.isBlank()) {
            throw new IllegalStateException("the offer names no partner");
        }
        return Arrays.stream(offeredPartners.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    static String join(List<String> partnerIds) {
        return String.join(",", partnerIds);
    }

    /**
     * Hands the partners of the next offer on to the offer step, without storing them. A lead
     * started before this rule still has the variable stored; Camunda cannot turn a stored
     * variable transient in the same transaction, so that lead keeps it stored until it ends.
     */
    static void hold(DelegateExecution execution, List<String> partnerIds) {
        TypedValue existing = execution.getVariableTyped(LeadVariables.OFFERED_PARTNERS);
        boolean stored = existing != null && !existing.isTransient();
        execution.setVariable(LeadVariables.OFFERED_PARTNERS, Variables.stringValue(join(partnerIds), !stored));
    }
}
