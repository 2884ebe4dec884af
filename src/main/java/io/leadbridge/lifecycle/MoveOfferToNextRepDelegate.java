package io.leadbridge.lifecycle;

import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepDispatch;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Move offer to next rep": each open offer whose rep has held it for the inside SLA
 * ({@code repAcceptSla}, counted on the sla-policy row's clock: in working time, the partner's) goes to
 * the next matching rep that has not had it, or to the lead managers.
 * An offer the managers hold, or one a manager gave a rep a short while ago, stays.
 */
@Component
class MoveOfferToNextRepDelegate implements JavaDelegate {

    private final RepDispatch dispatch;
    private final LeadOfferLog offers;
    private final OfferHandOver handOver;
    private final LeadClock clock;
    private final WorkingCalendars calendars;

    MoveOfferToNextRepDelegate(RepDispatch dispatch, LeadOfferLog offers, OfferHandOver handOver, LeadClock clock,
            WorkingCalendars calendars) {
        this.calendars = calendars;
        this.dispatch = dispatch;
        this.offers = offers;
        this.handOver = handOver;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LeadVariables lead = LeadVariables.of(execution);
        String sla = lead.repAcceptSla().orElse(null);
        if (sla == null) {
            return;
        }
        long leadId = LeadVariables.leadId(execution);
        Instant now = clock.now();
        for (String partnerId : offers.openPartners(leadId)) {
            RepAssignment holder = dispatch.current(leadId, partnerId);
            if (holder == null || holder.toManagers()
                    || calendars.partnerDue(lead.slaClock(), partnerId, holder.assignedAt(), sla).isAfter(now)) {
                continue;
            }
            RepAssignment next = dispatch.moveOn(leadId, partnerId, lead.attempt(), sla);
            handOver.handOver(execution.getProcessInstanceId(), next, LeadEvent.SYSTEM, lead.acceptDueAt());
        }
    }
}
