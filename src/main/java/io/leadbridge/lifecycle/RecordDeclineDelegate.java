package io.leadbridge.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record decline": every partner offered the lead declined it; the next partner is selected. */
@Component
class RecordDeclineDelegate implements JavaDelegate {

    private final LeadHolding holding;

    RecordDeclineDelegate(LeadHolding holding) {
        this.holding = holding;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Each partner's decline was recorded as it came (see TaskCompletionListener).
        holding.releaseDeclinedLead(LeadVariables.leadId(execution));
        LeadVariables lead = LeadVariables.of(execution);
        lead.released();
        // Only a channel manager nominates a partner; a value smuggled in with the answer is dropped.
        lead.forgetNomination();
    }
}
