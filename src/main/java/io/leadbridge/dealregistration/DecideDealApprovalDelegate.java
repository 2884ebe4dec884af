package io.leadbridge.dealregistration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Decide on approval": evaluates the dealApproval table and keeps its answer; for a review also
 * the reminder and due instants of the review's timers.
 */
@Component
class DecideDealApprovalDelegate implements JavaDelegate {

    private final DealRegistrations registrations;

    DecideDealApprovalDelegate(DealRegistrations registrations) {
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DealConflict conflict = DealConflict.valueOf(DealVariables.text(execution, DealVariables.CONFLICT));
        DealApproval approval = registrations.decide(DealVariables.registrationId(execution), conflict);
        execution.setVariable(DealVariables.OUTCOME, approval.outcome().name());
        execution.setVariable(DealVariables.REJECTION_REASON, approval.reason());
        execution.setVariable(DealVariables.REVIEW_SLA, approval.reviewSla());
        execution.setVariable(DealVariables.PROTECTION_PERIOD, approval.protectionPeriod());
        execution.setVariable(DealVariables.STALE_AFTER, approval.staleAfter());
        if (approval.outcome() == DealApproval.Outcome.REVIEW) {
            DealRegistrations.ReviewDeadlines deadlines = registrations.reviewDeadlines(approval.reviewSla());
            execution.setVariable(DealVariables.REVIEW_REMINDER_AT, java.util.Date.from(deadlines.reminderAt()));
            execution.setVariable(DealVariables.REVIEW_DUE_AT, java.util.Date.from(deadlines.dueAt()));
        }
    }
}
