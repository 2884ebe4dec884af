package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.notification.Notifier;
import io.leadbridge.partner.Partner;
import io.leadbridge.routing.RepAssignmentLog.Method;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.security.VendorGroups;
import java.time.Instant;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Gives a partner's open offer to its new holder inside the partner: the offer task's assignee (none
 * for the lead managers), the lead's rep, an {@code OFFER_MOVED} event on the timeline and the mail
 * to the new rep or the lead managers. The partner's own deadline does not move.
 */
@Service
class OfferHandOver {

    static final String OFFER_TASK = "Task_AcceptLead";

    private final TaskService tasks;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final Notifier notifier;

    OfferHandOver(TaskService tasks, LeadRepository leads, LeadEventLog events, Notifier notifier) {
        this.tasks = tasks;
        this.leads = leads;
        this.events = events;
        this.notifier = notifier;
    }

    void handOver(String processInstanceId, RepAssignment next, String actor, Instant acceptDueAt) {
        long leadId = next.leadId();
        String partnerId = next.partnerId();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(OFFER_TASK)
                .list()) {
            if (partnerId.equals(tasks.getVariable(task.getId(), LeadVariables.COMPETITOR))) {
                tasks.setAssignee(task.getId(), next.repUsername());
                tasks.addCandidateGroup(task.getId(), VendorGroups.managersGroupOf(partnerId));
                if (next.method() == Method.TEAM) {
                    tasks.addCandidateGroup(task.getId(), Partner.groupIdOf(partnerId));
                }
            }
        }
        recordMove(next, actor, acceptDueAt);
    }

    /**
     * The rest of a hand-over whose task already has its new assignee (set in Tasklist): the lead's
     * rep, the timeline and the mail.
     */
    void recordMove(RepAssignment next, String actor, Instant acceptDueAt) {
        long leadId = next.leadId();
        String partnerId = next.partnerId();
        Lead lead = leads.get(leadId);
        if (partnerId.equals(lead.partnerId())) {
            leads.assignRep(leadId, next.repUsername());
        }
        String to = next.repUsername() == null
                ? (next.method() == Method.TEAM ? "the partner's team" : "the lead managers")
                : "rep " + next.repUsername();
        events.record(leadId, LeadEventType.OFFER_MOVED, actor, partnerId, "offer moved to " + to + ": "
                + next.reason());
        notifier.offerMoved(leads.get(leadId), partnerId, next.repUsername(), acceptDueAt, next.reason());
    }
}
