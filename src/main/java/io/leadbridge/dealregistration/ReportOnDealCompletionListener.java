package io.leadbridge.dealregistration;

import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when the partner completes "Report on the deal" (Tasklist, {@code /engine-rest} or
 * {@code POST /api/deals/{id}/updates}): reads and checks the answer as the API does (a 400 naming
 * the variable rolls the completion back), records it, and tells "Won, lost or still open?" where
 * the deal stands; an open deal's next report is due {@code staleAfter} from now.
 */
@Component
class ReportOnDealCompletionListener implements TaskListener {

    private final DealRegistrations registrations;
    private final IdentityService identity;

    ReportOnDealCompletionListener(DealRegistrations registrations, IdentityService identity) {
        this.registrations = registrations;
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        long id = DealVariables.registrationId(execution);
        DealUpdate update = DealUpdate.fromVariables(task);
        DealStatus after = registrations.report(id, update, actor(task), DealUpdateRules.Fields.FORM);
        DelegateExecution process = execution.getProcessInstance();
        process.setVariable(DealVariables.DEAL_OUTCOME, after == DealStatus.APPROVED ? "OPEN" : after.name());
        if (after == DealStatus.APPROVED) {
            DealRegistrations.UpdateDeadlines next = registrations.updateDeadlines(
                    DealVariables.text(execution, DealVariables.STALE_AFTER),
                    DealVariables.instant(execution, DealVariables.PROTECTED_UNTIL));
            process.setVariable(DealVariables.UPDATE_REMINDER_AT, Date.from(next.reminderAt()));
            process.setVariable(DealVariables.UPDATE_DUE_AT, Date.from(next.dueAt()));
        }
    }

    private String actor(DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }
}
