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
        LeadVariables lead = LeadVariables.of(execution);
        WithdrawalReason reason = lead.withdrawalReason().orElse(WithdrawalReason.CHANNEL_MANAGER);
        boolean byPerson = reason == WithdrawalReason.CHANNEL_MANAGER || reason == WithdrawalReason.REASSIGNED;
        String note = byPerson ? lead.withdrawalNote() : null;
        String actor = byPerson ? lead.withdrawnBy() : LeadEvent.SYSTEM;
        holding.withdraw(LeadVariables.leadId(execution), reason, note, actor);
        lead.released();
        if (reason != WithdrawalReason.REASSIGNED) {
            // Only a reassignment names the next partner (in its message).
            lead.forgetNomination();
        }
    }
}
