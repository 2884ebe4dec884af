package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadEvent;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Withdraw ... lead": a missed SLA (the step's {@code withdrawalReason} input) or a channel
 * manager's request (the message's variables) takes the lead from its partner.
 */
@Component
class WithdrawLeadDelegate implements JavaDelegate {

    private final LeadHolding holding;

    WithdrawLeadDelegate(LeadHolding holding) {
        this.holding = holding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reasonName = LeadVariables.text(execution, LeadVariables.WITHDRAWAL_REASON);
        WithdrawalReason reason = reasonName == null ? WithdrawalReason.CHANNEL_MANAGER
                : WithdrawalReason.valueOf(reasonName);
        boolean byPerson = reason == WithdrawalReason.CHANNEL_MANAGER || reason == WithdrawalReason.REASSIGNED;
        String note = byPerson ? LeadVariables.text(execution, LeadVariables.WITHDRAWAL_NOTE) : null;
        String actor = byPerson ? LeadVariables.text(execution, LeadVariables.WITHDRAWN_BY) : LeadEvent.SYSTEM;
        holding.withdraw(LeadVariables.leadId(execution), reason, note, actor);
        execution.setVariable(LeadVariables.REP_USERNAME, null);
        if (reason != WithdrawalReason.REASSIGNED) {
            // Only a reassignment names the next partner (in its message).
            execution.setVariable(LeadVariables.NOMINATED_PARTNER_ID, null);
            execution.setVariable(LeadVariables.NOMINATED_REP, null);
            execution.setVariable(LeadVariables.NOMINATED_BY, null);
        }
    }
}
