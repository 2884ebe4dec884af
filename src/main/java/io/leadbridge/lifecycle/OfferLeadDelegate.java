package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.routing.LeadDistribution;
import io.leadbridge.routing.RepDispatch;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Offer lead to partner": to the nominated partner (protected account, manual assignment) or
 * the one the rules chose, and inside each partner to a rep ({@code routing.RepDispatch}); sets the
 * accept reminder and deadline the task's timers wait for.
 */
@Component
class OfferLeadDelegate implements JavaDelegate {

    private final LeadHolding holding;
    private final LeadDistribution distribution;
    private final OfferedPartnerList offeredPartners;
    private final LeadClock clock;
    private final WorkingCalendars calendars;
    private final RepDispatch repDispatch;

    OfferLeadDelegate(LeadHolding holding, LeadDistribution distribution, OfferedPartnerList offeredPartners,
            LeadClock clock, WorkingCalendars calendars, RepDispatch repDispatch) {
        this.calendars = calendars;
        this.repDispatch = repDispatch;
        this.holding = holding;
        this.distribution = distribution;
        this.offeredPartners = offeredPartners;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        String nominated = lead.nominatedPartnerId();
        List<String> partnerIds = nominated != null ? List.of(nominated) : offeredPartners.of(lead.offeredPartners());
        String partnerId = partnerIds.size() == 1 ? partnerIds.get(0) : null;
        String rep = nominated != null ? lead.nominatedRep() : null;
        String how = nominated != null
                ? (lead.nominatedBy().orElse(null) == Method.REGISTERED_DEAL ? "approved deal registration"
                        : lead.nominatedBy().orElse(null) == Method.FOLLOW_ON_WINNER
                                ? "follow-on: the partner that won the account is protected"
                        : rep != null ? "protected account" : "nominated partner")
                : lead.selectionNote();
        int attempt = lead.attempt();
        Instant now = clock.now();
        SlaClock slaClock = lead.slaClock();
        // In working time each partner's own calendar counts; in an open competition the offer runs
        // until the last competitor's working time is up, so nobody gets less than the table gives.
        String timedBy = partnerIds.stream().max(java.util.Comparator.comparing(
                id -> calendars.partnerDue(slaClock, id, now, lead.acceptSla()))).orElseThrow();
        Instant reminderAt = calendars.partnerDue(slaClock, timedBy, now, lead.acceptReminder());
        Instant dueAt = calendars.partnerDue(slaClock, timedBy, now, lead.acceptSla());

        long leadId = LeadVariables.leadId(execution);
        if (nominated != null) {
            // A nomination of unknown origin counts as manual.
            distribution.recordNomination(leadId, attempt, partnerId, lead.nominatedBy().orElse(Method.MANUAL), how);
        }
        // Inside each partner: the named rep, a rep by rotation, or the lead managers; each is mailed.
        List<LeadHolding.OfferHolder> holders = new ArrayList<>();
        for (String offeredTo : partnerIds) {
            holders.add(new LeadHolding.OfferHolder(offeredTo,
                    repDispatch.dispatch(leadId, offeredTo, attempt, rep).repUsername()));
        }
        if (partnerId != null) {
            rep = holders.get(0).repUsername();
        }
        holding.offer(leadId, holders, attempt, dueAt, slaClock, how);

        OfferedPartnerList.hold(execution, partnerIds);
        lead.offered(partnerId, rep, reminderAt, dueAt);
    }
}
