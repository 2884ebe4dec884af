package io.leadbridge.standing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A channel manager reinstates a suspended partner through the API. With a review open, that
 * review is completed with REINSTATE; otherwise (the partner was kept suspended earlier) a
 * standing process starts at "Reinstate partner". Either way the standing process writes the
 * change and delivers the mail, exactly as after a review in Tasklist.
 */
@Service
class PartnerReinstatement {

    private final PartnerService partners;
    private final PartnerStandings standings;
    private final SuspensionReviews reviews;
    private final TaskService tasks;
    private final RuntimeService runtime;

    PartnerReinstatement(PartnerService partners, PartnerStandings standings, SuspensionReviews reviews,
            TaskService tasks, RuntimeService runtime) {
        this.partners = partners;
        this.standings = standings;
        this.reviews = reviews;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Transactional
    public void reinstate(String partnerId, String note, Caller caller) {
        if (!caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers may reinstate partners");
        }
        Partner partner = partners.get(partnerId);
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "say why the partner is reinstated");
        }
        if (!standings.lock(partnerId).isSuspended()) {
            throw ApiException.conflict("partner '" + partnerId + "' is " + standings.current(partnerId).standing()
                    + "; only a suspended partner can be reinstated");
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put(StandingVariables.REVIEW_DECISION, ReviewDecision.REINSTATE.name());
        answer.put(StandingVariables.REVIEW_NOTE, note.trim());
        var review = reviews.openReview(partnerId);
        if (review.isPresent()) {
            tasks.setAssignee(review.get().getId(), caller.username());
            tasks.complete(review.get().getId(), answer);
        } else {
            answer.put(StandingVariables.REVIEWER, caller.username());
            answer.put(StandingVariables.PARTNER_NAME, partner.name());
            runtime.createProcessInstanceByKey(StandingVariables.PROCESS_KEY)
                    .businessKey(partnerId)
                    .startBeforeActivity(StandingVariables.TASK_REINSTATE_PARTNER)
                    .setVariables(answer)
                    .execute();
        }
    }
}
