package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.IsoDurations;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The cycle of the "Status update due" timer ({@code ${statusUpdateCycles.of(execution)}}): the
 * sla-policy table's {@code statusUpdateCycle} as it is ({@code R/P7D}) for a calendar-time row;
 * for a working-time row the same cycle starting at the next due instant in the partner's working
 * time ({@code R/2026-12-14T15:00:00Z/P3D}). The engine evaluates it when the timer is set and
 * again each time it comes due ({@code reevaluateTimeCycleWhenDue}), so every cycle of a
 * working-time row is counted in working time from the moment the previous one ended, and the
 * timer stays a real, repeating Camunda timer.
 */
@Component("statusUpdateCycles")
public class StatusUpdateCycles {

    private final WorkingCalendars calendars;
    private final LeadRepository leads;
    private final LeadClock clock;

    StatusUpdateCycles(WorkingCalendars calendars, LeadRepository leads, LeadClock clock) {
        this.calendars = calendars;
        this.leads = leads;
        this.clock = clock;
    }

    public String of(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        String cycle = lead.statusUpdateCycle();
        if (lead.slaClock() != SlaClock.WORKING) {
            return cycle;
        }
        String period = IsoDurations.periodOfCycle(cycle);
        String partnerId = leads.get(LeadVariables.leadId(execution)).partnerId();
        Instant next = calendars.partnerDue(SlaClock.WORKING, partnerId, clock.now(), period)
                .truncatedTo(ChronoUnit.SECONDS);
        return cycle.substring(0, cycle.indexOf('/')) + "/" + next + "/" + period;
    }
}
