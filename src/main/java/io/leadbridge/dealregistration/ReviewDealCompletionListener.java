package io.leadbridge.dealregistration;

import io.leadbridge.web.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when a channel manager or director completes "Review deal registration": refuses an
 * answer without a decision and a rejection without a reason, and remembers who answered. A
 * refusal rolls the completion back.
 */
@Component
class ReviewDealCompletionListener implements TaskListener {

    /** The length of deal_registration.decision_reason. */
    static final int MAX_REASON = 2000;

    private final IdentityService identity;

    ReviewDealCompletionListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = DealVariables.text(task, DealVariables.DECISION);
        if (decision == null || Arrays.stream(ReviewDecision.values()).noneMatch(d -> d.name().equals(decision))) {
            throw new InvalidInputException(DealVariables.DECISION,
                    "must be one of " + Arrays.toString(ReviewDecision.values()));
        }
        String reason = DealVariables.text(task, DealVariables.REVIEW_REASON);
        if (ReviewDecision.valueOf(decision) == ReviewDecision.REJECT && (reason == null || reason.isBlank())) {
            throw new InvalidInputException(DealVariables.REVIEW_REASON, "a rejection needs a reason for the partner");
        }
        if (reason != null && reason.length() > MAX_REASON) {
            throw new InvalidInputException(DealVariables.REVIEW_REASON, "must be at most " + MAX_REASON
                    + " characters");
        }
        String reviewer = task.getAssignee();
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            reviewer = current.getUserId();
        }
        task.setVariable(DealVariables.REVIEWER, reviewer == null ? "unknown" : reviewer);
    }
}
