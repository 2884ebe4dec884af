package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepDispatch;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A partner's lead manager (or a channel manager) gives a lead to another rep of the partner, with
 * a note: an open offer (its task, the rep's mail, {@code OFFER_MOVED}) or an accepted lead (its
 * follow-up task, {@code REP_REASSIGNED}). Either is an event on the lead's timeline.
 */
@Service
public class RepReassignment {

    private static final Logger log = LoggerFactory.getLogger(RepReassignment.class);

    private final LeadAccess access;
    private final LeadOfferLog offers;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final PartnerService partners;
    private final RepDispatch dispatch;
    private final OfferHandOver handOver;
    private final RuntimeService runtime;
    private final TaskService tasks;

    RepReassignment(LeadAccess access, LeadOfferLog offers, LeadRepository leads, LeadEventLog events,
            PartnerService partners, RepDispatch dispatch, OfferHandOver handOver, RuntimeService runtime,
            TaskService tasks) {
        this.access = access;
        this.offers = offers;
        this.leads = leads;
        this.events = events;
        this.partners = partners;
        this.dispatch = dispatch;
        this.handOver = handOver;
        this.runtime = runtime;
        this.tasks = tasks;
    }

    @Transactional
    public void reassign(long leadId, String rep, String note, Caller caller) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", "say why the lead moves to another rep");
        }
        Lead lead = access.lock(leadId);
        String partnerId = holdingPartner(lead, caller);
        PartnerRep target = partners.findRepOrNull(rep);
        if (target == null || !target.partnerId().equals(partnerId)) {
            throw new InvalidInputException("rep", "'" + rep + "' is no rep of partner '" + partnerId + "'");
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(lead.businessKey())
                .processDefinitionKey(LeadVariables.PROCESS_KEY).singleResult();
        if (process == null) {
            throw ApiException.conflict("lead " + leadId + " has no running process");
        }
        String why = note.trim();
        if (lead.status() == LeadStatus.OFFERED) {
            RepAssignment next = dispatch.reassign(leadId, partnerId, lead.attemptCount(), rep, caller.username(), why);
            handOver.handOver(process.getId(), next, caller.username(), lead.slaDueAt());
        } else {
            String before = lead.repUsername();
            // the lead's rep first: the tasks' assignment listener then finds the move recorded
            runtime.setVariable(process.getId(), LeadVariables.REP_USERNAME, rep);
            leads.reassignRep(leadId, rep);
            for (Task task : tasks.createTaskQuery().processInstanceId(process.getId()).list()) {
                if (before != null && before.equals(task.getAssignee())) {
                    tasks.setAssignee(task.getId(), rep);
                }
            }
            events.record(leadId, LeadEventType.REP_REASSIGNED, caller.username(), partnerId,
                    "from " + before + " to " + rep + ": " + why);
        }
        log.info("lead {}: reassigned inside partner {} to rep {} by {}", leadId, partnerId, rep, caller.username());
    }

    /** The partner holding the lead (or with its open offer) whose lead managers, or a channel manager, act. */
    private String holdingPartner(Lead lead, Caller caller) {
        boolean open = lead.status() == LeadStatus.OFFERED;
        boolean held = lead.status() == LeadStatus.ACCEPTED || lead.status() == LeadStatus.CONTACTED
                || lead.status() == LeadStatus.OPPORTUNITY;
        if (!open && !held) {
            throw ApiException.conflict("lead " + lead.id() + " is " + lead.status()
                    + "; only an offered or accepted lead moves to another rep");
        }
        String partnerId = lead.partnerId();
        if (partnerId == null && caller.isLeadManager() && offers.hasOpenOffer(lead.id(), caller.partnerId())) {
            partnerId = caller.partnerId();
        }
        if (caller.isChannelManager() && partnerId != null) {
            return partnerId;
        }
        if (!caller.isLeadManager()) {
            throw ApiException.forbidden("only the partner's lead managers and channel managers move a lead to"
                    + " another rep");
        }
        if (!caller.partnerId().equals(partnerId)) {
            throw ApiException.forbidden("lead " + lead.id() + " is not held by your partner");
        }
        return partnerId;
    }
}
