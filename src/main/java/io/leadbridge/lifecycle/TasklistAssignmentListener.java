package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepDispatch;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A lead's task given to a rep by hand, in Tasklist or through {@code /engine-rest} (a lead manager
 * assigning an offer, a rep claiming one from the team queue, a manager moving "Contact the
 * prospect" to a colleague): recorded as the dispatch and the reassignment API record it, so that
 * every move is on the lead's timeline, the lead's rep is the one who holds its task, and an
 * inside SLA already running counts from the move (an offer the lead managers held has none:
 * {@link RepAcceptCycles}). Assignments Leadbridge makes itself (the dispatch, a hand-over)
 * find the holder already recorded and change nothing; so does one to somebody who is not of the
 * partner (a vendor user), which Leadbridge does not count as the partner's rep. Another partner's
 * people are refused before this runs ({@code security.EngineGrants}).
 */
@Component
class TasklistAssignmentListener implements TaskListener {

    private static final Logger log = LoggerFactory.getLogger(TasklistAssignmentListener.class);

    private final RepDispatch dispatch;
    private final OfferHandOver handOver;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final PartnerService partners;

    TasklistAssignmentListener(RepDispatch dispatch, OfferHandOver handOver, LeadRepository leads, LeadEventLog events,
            PartnerService partners) {
        this.dispatch = dispatch;
        this.handOver = handOver;
        this.leads = leads;
        this.events = events;
        this.partners = partners;
    }

    @Override
    public void notify(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null) {
            return;
        }
        if (OfferHandOver.OFFER_TASK.equals(task.getTaskDefinitionKey())) {
            offerGiven(task, assignee);
        } else {
            heldLeadGiven(task, assignee);
        }
    }

    private void offerGiven(DelegateTask task, String assignee) {
        long leadId = LeadVariables.leadId(task);
        LeadVariables lead = LeadVariables.of(task);
        String partnerId = lead.competitor();
        RepAssignment holder = dispatch.current(leadId, partnerId);
        if (holder != null && assignee.equals(holder.repUsername()) || !ofPartner(assignee, partnerId)) {
            return;
        }
        String actor = actor(task, assignee);
        RepAssignment next = dispatch.reassign(leadId, partnerId, lead.attempt(), assignee, actor, how(actor, assignee));
        handOver.recordMove(next, actor, lead.acceptDueAt());
        log.info("lead {}: offer {} to rep {} by {}", leadId, how(actor, assignee), assignee, actor);
    }

    private void heldLeadGiven(DelegateTask task, String assignee) {
        long leadId = LeadVariables.leadId(task);
        Lead held = leads.get(leadId);
        if (assignee.equals(held.repUsername()) || !ofPartner(assignee, held.partnerId())) {
            return;
        }
        String actor = actor(task, assignee);
        task.getExecution().setVariable(LeadVariables.REP_USERNAME, assignee);
        leads.reassignRep(leadId, assignee);
        events.record(leadId, LeadEventType.REP_REASSIGNED, actor, held.partnerId(),
                "from " + held.repUsername() + " to " + assignee + ": " + how(actor, assignee));
        log.info("lead {}: {} to rep {} by {}", leadId, how(actor, assignee), assignee, actor);
    }

    /** Whether the person is a rep or lead manager of the partner (not a vendor user, not unknown). */
    private boolean ofPartner(String username, String partnerId) {
        PartnerRep person = partners.findRepOrNull(username);
        return partnerId != null && person != null && partnerId.equals(person.partnerId());
    }

    private static String how(String actor, String assignee) {
        return actor.equals(assignee) ? "taken in Tasklist" : "assigned in Tasklist";
    }

    /** Who gave the task: the signed-in user of the request, or the new assignee when nobody is signed in. */
    private static String actor(DelegateTask task, String assignee) {
        Authentication signedIn = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return signedIn == null || signedIn.getUserId() == null ? assignee : signedIn.getUserId();
    }
}
