package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record acceptance": the accepting rep holds the lead and must report first contact before the
 * contact deadline. The deadline is fixed now, so reporting "not reachable" does not extend it.
 * The prospect's contact person is not copied into the process: its forms read it from the
 * prospect's record ({@link ProspectContactOnForms}).
 */
@Component
class RecordAcceptanceDelegate implements JavaDelegate {

    private final LeadHolding holding;
    private final LeadClock clock;
    private final WorkingCalendars calendars;

    RecordAcceptanceDelegate(LeadHolding holding, LeadClock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.holding = holding;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        LeadVariables lead = LeadVariables.of(execution);
        String rep = lead.taskWorker();
        Instant now = clock.now();
        String partnerId = lead.winningPartner();
        SlaClock slaClock = lead.slaClock();
        Instant reminderAt = calendars.partnerDue(slaClock, partnerId, now, lead.contactReminder());
        Instant dueAt = calendars.partnerDue(slaClock, partnerId, now, lead.contactSla());

        holding.handToAcceptingPartner(leadId, partnerId, rep, dueAt);
        lead.accepted(rep, reminderAt, dueAt);
    }
}
