package io.leadbridge.lifecycle;

import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Check account protection": a named account's partner and rep get the first offer; an account
 * the table leaves open goes to the partner that won it, while a follow-on of that win protects it
 * on the lead's product, and its rep who won the deal; else to the partner whose approved deal
 * registration covers the account and the lead's product, and to the rep who registered it.
 */
@Component
class CheckAccountProtectionDelegate implements JavaDelegate {

    private final LeadRouting routing;

    CheckAccountProtectionDelegate(LeadRouting routing) {
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        Protection protection = routing.protect(leadId, execution.getVariables());
        Method method = Method.PROTECTED_ACCOUNT;
        if (!protection.isProtected()) {
            protection = routing.protectAsFollowOn(leadId);
            method = Method.FOLLOW_ON_WINNER;
        }
        if (!protection.isProtected()) {
            protection = routing.protectByRegistration(leadId);
            method = Method.REGISTERED_DEAL;
        }
        LeadVariables lead = LeadVariables.of(execution);
        lead.accountProtected(protection.isProtected());
        lead.nominate(protection.partnerId(), protection.repUsername(), protection.isProtected() ? method : null);
    }
}
