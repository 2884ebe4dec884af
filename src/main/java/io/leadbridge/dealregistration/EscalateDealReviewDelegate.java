package io.leadbridge.dealregistration;

import io.leadbridge.security.VendorGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Hand the review to channel directors": the review SLA is over, so the same review task is
 * opened to the channel directors too (whoever answers first answers for both), with a higher
 * priority; the directors are mailed in the next step.
 */
@Component
class EscalateDealReviewDelegate implements JavaDelegate {

    static final int ESCALATED_PRIORITY = 80;

    private final TaskService tasks;
    private final DealRegistrations registrations;

    EscalateDealReviewDelegate(TaskService tasks, DealRegistrations registrations) {
        this.tasks = tasks;
        this.registrations = registrations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(DealVariables.TASK_REVIEW).singleResult();
        if (review == null) {
            return;
        }
        tasks.addCandidateGroup(review.getId(), VendorGroups.CHANNEL_DIRECTORS);
        tasks.setPriority(review.getId(), ESCALATED_PRIORITY);
        registrations.escalate(DealVariables.registrationId(execution),
                DealVariables.text(execution, DealVariables.REVIEW_SLA));
    }
}
