package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.routing.RepDispatch;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The cycle of the "Rep accept SLA breached" timer ({@code ${repAcceptCycles.of(execution)}}): every
 * {@code repAcceptSla} from the offer, so each rep in turn gets the inside SLA. A calendar-time row
 * gives the cycle as it is ({@code R/PT4H}); a working-time row the same cycle starting where the
 * partner's working time ends the next inside SLA ({@code R/2026-12-07T15:00:00Z/PT2H}), counted
 * as the accept SLA is ({@link WorkingCalendars#partnerDue}); in an open competition the partner
 * whose reps' time is up first sets it. The engine evaluates it again each time it comes due
 * ({@code reevaluateTimeCycleWhenDue}), so every next rep's time is counted in working time too. A
 * lead without an inside SLA (offered before the table had the column, or a table without it), whose
 * inside SLA would not end before the partner's deadline, or whose offers no rep holds (the lead
 * managers or the partner's team queue hold them: there is nobody to skip), gets a single moment
 * a day after that deadline, which ends the offer first: no inside SLA, and no timer firing every
 * few hours for nothing (a day, not a minute: a clock that jumps past many deadlines at once, as
 * after a node was down, or as the SLA sweep benchmark moves it, must not fire it beside the
 * withdrawal).
 */
@Component("repAcceptCycles")
public class RepAcceptCycles {

    private final LeadClock clock;
    private final WorkingCalendars calendars;
    private final LeadOfferLog offers;
    private final RepDispatch dispatch;

    RepAcceptCycles(LeadClock clock, WorkingCalendars calendars, LeadOfferLog offers, RepDispatch dispatch) {
        this.clock = clock;
        this.calendars = calendars;
        this.offers = offers;
        this.dispatch = dispatch;
    }

    public String of(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        Instant deadline = lead.acceptDueAt();
        SlaClock slaClock = lead.slaClock();
        Instant now = clock.now();
        long leadId = LeadVariables.leadId(execution);
        Optional<String> sla = lead.repAcceptSla().filter(duration -> aRepHoldsAnOffer(leadId));
        Optional<Instant> next = sla.flatMap(duration -> slaClock == SlaClock.WORKING
                ? offers.openPartners(leadId).stream()
                        .map(partnerId -> calendars.partnerDue(slaClock, partnerId, now, duration))
                        .min(Instant::compareTo)
                : Optional.of(calendars.partnerDue(slaClock, null, now, duration)));
        if (next.isEmpty() || !next.get().isBefore(deadline)) {
            return "R1/" + deadline.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "/PT1M";
        }
        return slaClock == SlaClock.WORKING
                ? "R/" + wholeSecondNotBefore(next.get()) + "/" + sla.get()
                : "R/" + sla.get();
    }

    private boolean aRepHoldsAnOffer(long leadId) {
        return offers.openPartners(leadId).stream().map(partnerId -> dispatch.current(leadId, partnerId))
                .anyMatch(holder -> holder != null && holder.repUsername() != null);
    }

    /** A cycle's start is written in whole seconds; rounded up, the rep's time is up when the timer fires. */
    private static Instant wholeSecondNotBefore(Instant instant) {
        Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(instant) ? whole : whole.plusSeconds(1);
    }
}
