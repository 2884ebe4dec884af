package io.leadbridge.supportrequest;

import io.leadbridge.security.VendorGroups;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Escalate to channel directors": the SLA is over, so the open review is handed to the
 * channel directors as well. It stays the same task: whoever answers first answers for both, the
 * form and its checks are the same, and nothing has to be cancelled afterwards. Its priority is
 * raised so it tops the directors' Tasklist, and the directors are mailed (in the next step).
 */
@Component
class EscalateSupportReviewDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(EscalateSupportReviewDelegate.class);
    static final int ESCALATED_PRIORITY = 80;

    private final TaskService tasks;
    private final SupportRequests requests;

    EscalateSupportReviewDelegate(TaskService tasks, SupportRequests requests) {
        this.tasks = tasks;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Task review = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(SupportVariables.TASK_REVIEW).singleResult();
        if (review == null) {
            return;
        }
        tasks.addCandidateGroup(review.getId(), VendorGroups.CHANNEL_DIRECTORS);
        tasks.setPriority(review.getId(), ESCALATED_PRIORITY);
        requests.escalate(SupportVariables.requestId(execution), SupportVariables.reviewSla(execution));
        log.info("lead {}: support request {} not answered within {}; escalated to {}",
                SupportVariables.leadId(execution), SupportVariables.requestId(execution),
                SupportVariables.reviewSla(execution), VendorGroups.CHANNEL_DIRECTORS);
    }
}
