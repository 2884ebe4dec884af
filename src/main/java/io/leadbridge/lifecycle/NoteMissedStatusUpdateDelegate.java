package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadRepository;
import io.leadbridge.notification.Notifier;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.DealProgress.MissedUpdate;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Note missed status update": a status update cycle passed without a report from the rep. Counts
 * it, reminds the rep and, when the count reaches the sla-policy table's
 * {@code missedUpdatesToEscalate}, tells the channel managers and asks for a chase. The mails go
 * out in the next, asynchronous step.
 */
@Component
class NoteMissedStatusUpdateDelegate implements JavaDelegate {

    private final DealProgress deals;
    private final LeadRepository leads;
    private final Notifier notifier;
    private final AccessProvisioning access;

    NoteMissedStatusUpdateDelegate(DealProgress deals, LeadRepository leads, Notifier notifier,
            AccessProvisioning access) {
        this.deals = deals;
        this.leads = leads;
        this.notifier = notifier;
        this.access = access;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long leadId = LeadVariables.leadId(execution);
        MissedUpdate missed = deals.statusUpdateMissed(leadId);
        var lead = leads.get(leadId);
        notifier.statusUpdateReminder(lead, missed.missed(), missed.stale());
        LeadVariables variables = LeadVariables.of(execution);
        boolean chase = variables.missedUpdatesToEscalate().filter(threshold -> missed.missed() == threshold)
                .isPresent();
        if (chase) {
            notifier.statusUpdateOverdue(lead, access.emailsOf(VendorGroups.CHANNEL_MANAGERS), missed.missed());
        }
        variables.missedStatusUpdates(missed.missed());
        variables.chaseStatusUpdate(chase);
    }
}
