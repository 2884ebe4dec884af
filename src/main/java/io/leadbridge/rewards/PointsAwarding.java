package io.leadbridge.rewards;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.Reactions;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.rewards.RewardPointsRules.Points;
import io.leadbridge.rewards.RewardPointsRules.Step;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Awards the points a lead event earns. {@link io.leadbridge.lead.LeadEventLog} publishes every
 * event it records; this listener runs in the same thread and transaction, so the ledger row
 * and its event are committed, or rolled back with a failed step and written again by its
 * retry, together. Only events that name a partner can earn points; the {@code rewardPoints}
 * table decides how many, and an event no row matches, or a row gives 0, writes nothing.
 */
@Component
class PointsAwarding {

    private static final Logger log = LoggerFactory.getLogger(PointsAwarding.class);

    private final RewardPointsRules rules;
    private final RewardLedger ledger;
    private final LeadRepository leads;
    private final RepCredit credit;
    private final OpportunityRepository opportunities;

    PointsAwarding(RewardPointsRules rules, RewardLedger ledger, LeadRepository leads, RepCredit credit,
            OpportunityRepository opportunities) {
        this.rules = rules;
        this.ledger = ledger;
        this.leads = leads;
        this.credit = credit;
        this.opportunities = opportunities;
    }

    @EventListener
    @Order(Reactions.POINTS)
    void recorded(LeadEvent event) {
        award(event);
    }

    /**
     * Writes the event's ledger row, once: says whether it wrote one now. Only an event that earns
     * points is looked for in the ledger ({@link RewardLedger#add}); most events earn none.
     */
    boolean award(LeadEvent event) {
        if (event.partnerId() == null) {
            return false;
        }
        Lead lead = leads.get(event.leadId());
        BigDecimal dealValue = event.type() == LeadEventType.WON
                ? opportunities.find(lead.id()).map(Opportunity::finalAmount).orElse(null) : null;
        Optional<Points> earned = rules.evaluate(new Step(event.type().name(), event.onTime(), lead.segment(),
                dealValue, event.reason()));
        if (earned.isEmpty() || earned.get().points() == 0) {
            return false;
        }
        Points points = earned.get();
        String rep = credit.repOf(event, lead);
        boolean written = ledger.add(new LedgerEntry(null, event.id(), lead.id(), event.partnerId(), rep,
                event.type(), points.points(), points.annotation(), points.ruleId(), points.decisionVersion(),
                event.occurredAt()));
        if (written) {
            log.info("lead {}: {} earns partner {}{} {} points ({})", lead.id(), event.type(), event.partnerId(),
                    rep == null ? "" : " and rep " + rep, points.points(), points.ruleId());
        }
        return written;
    }
}
