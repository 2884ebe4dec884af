package io.leadbridge.standing;

import io.leadbridge.web.InvalidInputException;
import java.util.Arrays;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when a channel manager completes "Review suspended partner" (Tasklist, /engine-rest or the
 * reinstate API): remembers who reviewed, and refuses an answer without a decision or a note.
 * A refusal rolls the completion back.
 */
@Component
class ReviewCompletionListener implements TaskListener {

    /** The length of partner_standing_change.note, less the "kept suspended: " prefix. */
    static final int MAX_NOTE = 1900;

    private final IdentityService identity;

    ReviewCompletionListener(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void notify(DelegateTask task) {
        String decision = StandingVariables.text(task, StandingVariables.REVIEW_DECISION);
        if (decision == null || Arrays.stream(ReviewDecision.values()).noneMatch(d -> d.name().equals(decision))) {
            throw new InvalidInputException(StandingVariables.REVIEW_DECISION,
                    "must be one of " + Arrays.toString(ReviewDecision.values()));
        }
        String note = StandingVariables.text(task, StandingVariables.REVIEW_NOTE);
        if (note == null) {
            throw new InvalidInputException(StandingVariables.REVIEW_NOTE, "say why");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException(StandingVariables.REVIEW_NOTE, "must be at most " + MAX_NOTE + " characters");
        }
        String reviewer = task.getAssignee();
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            reviewer = current.getUserId();
        }
        if (reviewer == null) {
            throw new InvalidInputException(StandingVariables.REVIEWER, "claim the task before completing it");
        }
        task.setVariable(StandingVariables.REVIEWER, reviewer);
    }
}
