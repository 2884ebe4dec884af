package io.leadbridge.rewards;

import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.Reactions;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Counts each accept, first contact and win of a partner for the leaderboard, in the transaction
 * that records it, for the rep {@link RepCredit} names (as the ledger credits its points).
 */
@Component
class LeaderboardSteps {

    private final LeaderboardDays days;
    private final LeadRepository leads;
    private final RepCredit credit;

    LeaderboardSteps(LeaderboardDays days, LeadRepository leads, RepCredit credit) {
        this.days = days;
        this.leads = leads;
        this.credit = credit;
    }

    @EventListener
    @Order(Reactions.LEADERBOARD)
    void recorded(LeadEvent event) {
        if (event.partnerId() == null || !LeaderboardDays.STEP_TYPES.contains(event.type().name())) {
            return;
        }
        days.addStep(event.id(), event.leadId(), event.partnerId(), credit.repOf(event, leads.get(event.leadId())),
                event.type().name(), event.onTime(), event.occurredAt());
    }
}
