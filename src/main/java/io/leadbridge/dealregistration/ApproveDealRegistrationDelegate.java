package io.leadbridge.dealregistration;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Approve registration": by the reviewer, or by the table when nobody reviewed; sets the end of
 * the protection and the first deadline for a status update (reminded at half the time).
 */
@Component
class ApproveDealRegistrationDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    ApproveDealRegistrationDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewer = DealVariables.text(execution, DealVariables.REVIEWER);
        Instant until = registrations.approve(DealVariables.registrationId(execution),
                reviewer == null ? DealRegistrations.TABLE : reviewer,
                DealVariables.text(execution, DealVariables.PROTECTION_PERIOD));
        execution.setVariable(DealVariables.PROTECTED_UNTIL, Date.from(until));
        DealRegistrations.UpdateDeadlines next = registrations.updateDeadlines(
                DealVariables.text(execution, DealVariables.STALE_AFTER), until);
        execution.setVariable(DealVariables.UPDATE_REMINDER_AT, Date.from(next.reminderAt()));
        execution.setVariable(DealVariables.UPDATE_DUE_AT, Date.from(next.dueAt()));
    }
}
