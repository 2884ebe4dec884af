package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.routing.LeadDistribution;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Offer lead to partner": to the nominated partner (protected account, manual assignment) or
 * the one the rules chose; sets the accept reminder and deadline the task's timers wait for.
 */
@Component
class OfferLeadDelegate implements JavaDelegate {

    private final LeadHolding holding;
    private final LeadDistribution distribution;
    private final OfferedPartnerList offeredPartners;
    private final LeadClock clock;
    private final WorkingCalendars calendars;

    OfferLeadDelegate(LeadHolding holding, LeadDistribution distribution, OfferedPartnerList offeredPartners,
            LeadClock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.holding = holding;
        this.distribution = distribution;
        this.offeredPartners = offeredPartners;
        this.clock = clock;
    }

    /** Who nominated the partner; a nomination of unknown origin counts as manual. */
    private static Method nominationMethod(DelegateExecution execution) {
        String by = LeadVariables.text(execution, LeadVariables.NOMINATED_BY);
        return by == null ? Method.MANUAL : Method.valueOf(by);
    }

    @Override
    public void execute(DelegateExecution execution) {
        String nominated = LeadVariables.text(execution, LeadVariables.NOMINATED_PARTNER_ID);
        List<String> partnerIds = nominated != null ? List.of(nominated)
                : offeredPartners.of(LeadVariables.text(execution, LeadVariables.OFFERED_PARTNERS));
        String partnerId = partnerIds.size() == 1 ? partnerIds.get(0) : null;
        String rep = nominated != null ? LeadVariables.text(execution, LeadVariables.NOMINATED_REP) : null;
        String how = nominated != null
                ? (rep != null ? "protected account" : "nominated partner")
                : LeadVariables.text(execution, LeadVariables.SELECTION_NOTE);
        int attempt = (Integer) execution.getVariable(LeadVariables.ATTEMPT);
        Instant now = clock.now();
        SlaClock slaClock = LeadVariables.slaClock(execution);
        // In working time each partner's own calendar counts; in an open competition the offer runs
        // until the last competitor's working time is up, so nobody gets less than the table gives.
        String timedBy = partnerIds.stream().max(java.util.Comparator.comparing(id -> calendars.partnerDue(slaClock, id,
                now, LeadVariables.text(execution, LeadVariables.ACCEPT_SLA)))).orElseThrow();
        Instant reminderAt = calendars.partnerDue(slaClock, timedBy, now,
                LeadVariables.text(execution, LeadVariables.ACCEPT_REMINDER));
        Instant dueAt = calendars.partnerDue(slaClock, timedBy, now,
                LeadVariables.text(execution, LeadVariables.ACCEPT_SLA));

        long leadId = LeadVariables.leadId(execution);
        if (nominated != null) {
            distribution.recordNomination(leadId, attempt, partnerId, nominationMethod(execution), how);
        }
        holding.offer(leadId, partnerIds, rep, attempt, dueAt, slaClock, how);

        execution.setVariable(LeadVariables.PARTNER_ID, partnerId);
        OfferedPartnerList.hold(execution, partnerIds);
        execution.setVariable(LeadVariables.WINNING_PARTNER, null);
        execution.setVariable(LeadVariables.OFFER_ASSIGNEE, rep);
        execution.setVariable(LeadVariables.ACCEPT_REMINDER_AT, Date.from(reminderAt));
        execution.setVariable(LeadVariables.ACCEPT_DUE_AT, Date.from(dueAt));
        execution.setVariable(LeadVariables.NOMINATED_PARTNER_ID, null);  // read by a gateway: always there
        execution.setVariable(LeadVariables.REP_USERNAME, rep);
        // Answers about earlier offers are not the new partner's business (the tasks show variables).
        LeadVariables.clear(execution, LeadVariables.NOMINATED_REP, LeadVariables.NOMINATED_BY,
                LeadVariables.OFFER_DECISION, LeadVariables.DECLINE_REASON, LeadVariables.TASK_WORKER,
                LeadVariables.WITHDRAWAL_NOTE, LeadVariables.WITHDRAWN_BY);
    }
}
