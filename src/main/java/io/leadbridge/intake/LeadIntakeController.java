package io.leadbridge.intake;

import io.leadbridge.leadview.LeadView;
import io.leadbridge.leadview.LeadViews;
import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import io.leadbridge.web.ApiException;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/leads}: marketing systems push leads in; the same source and external id again is a no-op. */
@RestController
class LeadIntakeController {

    private final LeadIntake intake;
    private final LeadViews views;
    private final CallerProvider callers;

    LeadIntakeController(LeadIntake intake, LeadViews views, CallerProvider callers) {
        this.intake = intake;
        this.views = views;
        this.callers = callers;
    }

    @PostMapping("/api/leads")
    ResponseEntity<LeadView> submit(@Valid @RequestBody LeadSubmission submission) {
        Caller caller = callers.current();
        if (caller.isPartnerUser()) {
            throw ApiException.forbidden("partner users cannot submit leads");
        }
        LeadIntake.Received received = receive(intake, submission, caller.username());
        LeadView view = views.detail(received.lead(), caller);
        URI location = URI.create("/api/leads/" + received.lead().id());
        return received.created()
                ? ResponseEntity.created(location).body(view)
                : ResponseEntity.ok().location(location).body(view);
    }

    /** Receives a lead; the JSON API and the CSV import both come in through here. */
    static LeadIntake.Received receive(LeadIntake intake, LeadSubmission submission, String actor) {
        try {
            return intake.receive(submission, actor);
        } catch (DuplicateKeyException raced) {
            // The same lead arrived twice at the same moment; the other request stored it.
            return intake.receive(submission, actor);
        }
    }
}
