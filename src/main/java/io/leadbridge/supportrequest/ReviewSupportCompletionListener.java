package io.leadbridge.supportrequest;

import io.leadbridge.lifecycle.TaskAnswerException;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when a channel manager or director completes "Review support request" (Tasklist or
 * /engine-rest): refuses an answer without a decision, an approval without terms and a rejection
 * without a reason, and remembers who answered. A refusal rolls the completion back.
 */
@Component
class ReviewSupportCompletionListener implements TaskListener {

    /** The length of support_request.answer. */
    static final int MAX_ANSWER = 2000;

    private final IdentityService identity;

    ReviewSupportCompletionListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = SupportVariables.text(task, SupportVariables.DECISION);
        if (decision == null || Arrays.stream(SupportDecision.values()).noneMatch(d -> d.name().equals(decision))) {
            throw new TaskAnswerException(SupportVariables.DECISION,
                    "must be one of " + Arrays.toString(SupportDecision.values()));
        }
        boolean approve = SupportDecision.valueOf(decision) == SupportDecision.APPROVE;
        String field = approve ? SupportVariables.TERMS : SupportVariables.REASON;
        String answer = SupportVariables.text(task, field);
        if (answer == null) {
            throw new TaskAnswerException(field, approve ? "an approval needs its terms" : "a rejection needs a reason");
        }
        if (answer.length() > MAX_ANSWER) {
            throw new TaskAnswerException(field, "must be at most " + MAX_ANSWER + " characters");
        }
        String reviewer = task.getAssignee();
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            reviewer = current.getUserId();
        }
        task.setVariable(SupportVariables.REVIEWER, reviewer == null ? "unknown" : reviewer);
    }
}
