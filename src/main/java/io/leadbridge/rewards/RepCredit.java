package io.leadbridge.rewards;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which rep a partner's step counts for, decided when the step is recorded, for its points and
 * for the leaderboard alike: the rep who took the step, when the actor is one of the partner's
 * reps; otherwise (the system, a channel manager, a CRM credential) the rep holding the lead for
 * that partner at the event; none when the partner had no rep on it.
 */
@Component
class RepCredit {

    private final PartnerRepository partners;

    RepCredit(PartnerRepository partners) {
        this.partners = partners;
    }

    String repOf(LeadEvent event, Lead lead) {
        Optional<PartnerRep> actor = partners.findRep(event.actor())
                .filter(rep -> rep.partnerId().equals(event.partnerId()));
        if (actor.isPresent()) {
            return actor.get().username();
        }
        return event.partnerId().equals(lead.partnerId()) ? lead.repUsername() : null;
    }
}
