package io.leadbridge.lifecycle;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import java.time.Instant;
import java.util.Date;
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
        String rep = LeadVariables.text(execution, LeadVariables.TASK_WORKER);
        Instant now = clock.now();
        String partnerId = LeadVariables.text(execution, LeadVariables.WINNING_PARTNER);
        SlaClock slaClock = LeadVariables.slaClock(execution);
        Instant reminderAt = calendars.partnerDue(slaClock, partnerId, now,
                LeadVariables.text(execution, LeadVariables.CONTACT_REMINDER));
        Instant dueAt = calendars.partnerDue(slaClock, partnerId, now,
                LeadVariables.text(execution, LeadVariables.CONTACT_SLA));

        holding.accept(leadId, partnerId, rep, dueAt);
        execution.setVariable(LeadVariables.REP_USERNAME, rep);
        execution.setVariable(LeadVariables.CONTACT_REMINDER_AT, Date.from(reminderAt));
        execution.setVariable(LeadVariables.CONTACT_DUE_AT, Date.from(dueAt));
        execution.setVariable(LeadVariables.OUTCOME, null);
    }
}
