package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Check for conflicts": what the check found becomes the table's input and the reviewer's fact. */
@Component
class CheckDealConflictsDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    CheckDealConflictsDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DealConflicts.Finding finding = registrations.check(DealVariables.registrationId(execution));
        execution.setVariable(DealVariables.CONFLICT, finding.conflict().name());
        execution.setVariable(DealVariables.CONFLICT_DETAIL, finding.detail());
    }
}
