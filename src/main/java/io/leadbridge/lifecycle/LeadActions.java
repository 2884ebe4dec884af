package io.leadbridge.lifecycle;

import io.leadbridge.database.RetriedOnDeadlock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.DealRules;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What partner reps and channel managers do to a lead through the API, under the same rules as
 * in Tasklist: each action completes the lead's open task or sends its process a message. A
 * refused action changes nothing; who may act is {@link LeadAccess}'s to say. An action whose
 * transaction loses a deadlock (with the lead's jobs, or the same call on another node) runs again
 * from the start.
 */
@Service
@RetriedOnDeadlock
public class LeadActions {

    private static final Set<LeadStatus> HELD = EnumSet.of(LeadStatus.OFFERED, LeadStatus.ACCEPTED, LeadStatus.CONTACTED,
            LeadStatus.OPPORTUNITY);

    private final LeadRepository leads;
    private final PartnerRepository partners;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final LeadAccess access;
    private final StandingLookup standings;
    private final DealProgress deals;

    LeadActions(LeadRepository leads, PartnerRepository partners, TaskService tasks, RuntimeService runtime,
            LeadAccess access, StandingLookup standings, DealProgress deals) {
        this.deals = deals;
        this.access = access;
        this.standings = standings;
        this.leads = leads;
        this.partners = partners;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /**
     * The rep accepts the offer of the lead; its process then records the acceptance and hands the
     * lead over ({@link LeadHolding#handToAcceptingPartner}).
     */
    @Transactional
    public void acceptOffer(long leadId, Caller caller) {
        Lead lead = access.lockForPartner(leadId, caller, "accept");
        LeadAccess.requireStatus(lead, "accepted", LeadStatus.OFFERED);
        completeAs(openTask(lead, TaskCompletionListener.ACCEPT_LEAD, caller.partnerId()), caller,
                Map.of(LeadVariables.OFFER_DECISION, "ACCEPT"));
    }

    /** The rep declines the offer of the lead, saying why. */
    @Transactional
    public void declineOffer(long leadId, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "a decline needs a reason");
        }
        Lead lead = access.lockForPartner(leadId, caller, "decline");
        LeadAccess.requireStatus(lead, "declined", LeadStatus.OFFERED);
        completeAs(openTask(lead, TaskCompletionListener.ACCEPT_LEAD, caller.partnerId()), caller,
                Map.of(LeadVariables.OFFER_DECISION, "DECLINE", LeadVariables.DECLINE_REASON, reason.trim()));
    }

    /** First contact, or a failed attempt to reach the prospect (from ACCEPTED). */
    @Transactional
    public void reportContact(long leadId, ContactOutcome outcome, String note, Caller caller) {
        if (outcome != ContactOutcome.CONTACTED && outcome != ContactOutcome.NOT_REACHABLE) {
            throw new InvalidInputException("outcome", "must be CONTACTED or NOT_REACHABLE; report WON or LOST "
                    + "as a close");
        }
        if (note != null && note.length() > DealRules.MAX_NOTE) {
            throw new InvalidInputException("note", "must be at most " + DealRules.MAX_NOTE + " characters");
        }
        Lead lead = access.lockForPartner(leadId, caller, "contact report " + outcome);
        LeadAccess.requireStatus(lead, "reported on", LeadStatus.ACCEPTED);
        LeadAccess.requireRep(lead, caller);
        Map<String, Object> answer = new HashMap<>();
        answer.put(LeadVariables.OUTCOME, outcome.name());
        answer.put(LeadVariables.NOTE, note == null || note.isBlank() ? null : note.trim());
        completeAs(openTask(lead, TaskCompletionListener.CONTACT_PROSPECT), caller, answer);
    }

    /**
     * A rep's (or CRM's) report after first contact: a progress note, converting the lead into an
     * opportunity, changing it, or closing it WON or LOST. On an ACCEPTED lead a close ends the
     * contact step at once, and converting reports first contact on the way.
     */
    @Transactional
    public void reportProgress(long leadId, StatusUpdate update, Caller caller) {
        if (update.action() == null) {
            throw new InvalidInputException(StatusUpdate.ACTION, "say what happened: one of "
                    + EnumSet.allOf(DealAction.class));
        }
        Lead lead = access.lockForPartner(leadId, caller, "status update " + update.action());
        LeadAccess.requireStatus(lead, "reported on", LeadStatus.ACCEPTED, LeadStatus.CONTACTED,
                LeadStatus.OPPORTUNITY);
        LeadAccess.requireRep(lead, caller);
        if (lead.status() == LeadStatus.ACCEPTED) {
            switch (update.action()) {
                case WON, LOST -> {
                    DealRules.checkAnswer(leadId, Optional.empty(), update, deals.today());
                    Map<String, Object> answer = update.toClosingVariables();
                    answer.put(LeadVariables.OUTCOME, update.action().name());
                    completeAs(openTask(lead, TaskCompletionListener.CONTACT_PROSPECT), caller, answer);
                    return;
                }
                case CONVERT -> {
                    DealRules.check(leadId, LeadStatus.CONTACTED, Optional.empty(), update, deals.today());
                    completeAs(openTask(lead, TaskCompletionListener.CONTACT_PROSPECT), caller,
                            Map.of(LeadVariables.OUTCOME, ContactOutcome.CONTACTED.name()));
                    lead = leads.get(leadId);
                }
                default -> throw ApiException.conflict("lead " + leadId + " is ACCEPTED; report first contact first "
                        + "(allowed now: CONTACTED, NOT_REACHABLE, " + DealAction.CONVERT + ", " + DealAction.WON + ", "
                        + DealAction.LOST + ")");
            }
        }
        deals.check(lead, update);
        completeAs(openTask(lead, TaskCompletionListener.REPORT_PROGRESS), caller, update.toVariables());
    }

    /**
     * A CRM's status sync: the same rules as the rep's own reports. Syncing the status the lead
     * already has counts as a progress note; an opportunity synced with changed fields is updated.
     */
    @Transactional
    public void syncStatus(long leadId, SyncedStatus status, StatusUpdate details, Caller caller) {
        if (status == null) {
            throw new InvalidInputException("status", "must be one of " + EnumSet.allOf(SyncedStatus.class));
        }
        Lead lead = access.lockForPartner(leadId, caller, "status sync " + status);
        if (!SyncedStatus.allowedFrom(lead.status()).contains(status)) {
            throw ApiException.conflict("lead " + leadId + " is " + lead.status() + " and cannot be synced to " + status
                    + (lead.status().isClosed() || SyncedStatus.allowedFrom(lead.status()).isEmpty() ? ""
                            : "; allowed: " + SyncedStatus.allowedFrom(lead.status())));
        }
        String confirmed = details.note() != null ? details.note() : "status " + status + " confirmed by " + caller.username();
        switch (status) {
            case CONTACTED, NOT_REACHABLE -> {
                if (lead.status() == LeadStatus.ACCEPTED) {
                    reportContact(leadId, ContactOutcome.valueOf(status.name()), details.note(), caller);
                } else {
                    reportProgress(leadId, StatusUpdate.note(confirmed), caller);
                }
            }
            case OPPORTUNITY -> {
                DealAction action = lead.status() != LeadStatus.OPPORTUNITY ? DealAction.CONVERT
                        : deals.changesOpportunity(leadId, details) ? DealAction.UPDATE : DealAction.NOTE;
                reportProgress(leadId, details.as(action, action == DealAction.NOTE ? confirmed : details.note()), caller);
            }
            case WON, LOST -> reportProgress(leadId, details.as(DealAction.valueOf(status.name()), details.note()), caller);
        }
    }

    @Transactional
    public void withdraw(long leadId, String reason, Caller caller) {
        LeadAccess.requireChannelManager(caller);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the lead is withdrawn");
        }
        Lead lead = access.lock(leadId);
        requireHeld(lead, "withdrawn");
        Map<String, Object> request = new HashMap<>();
        request.put(LeadVariables.WITHDRAWAL_REASON, WithdrawalReason.CHANNEL_MANAGER.name());
        request.put(LeadVariables.WITHDRAWAL_NOTE, reason.trim());
        request.put(LeadVariables.WITHDRAWN_BY, caller.username());
        requestWithdrawal(lead, request);
    }

    /** Gives the lead to a named partner: from manual distribution, or taking it from its current partner. */
    @Transactional
    public void assign(long leadId, String partnerId, Caller caller) {
        LeadAccess.requireChannelManager(caller);
        if (partnerId == null || partnerId.isBlank()) {
            throw new InvalidInputException("partnerId", "name the partner to assign the lead to");
        }
        Partner partner = partners.findById(partnerId.trim())
                .orElseThrow(() -> new InvalidInputException("partnerId", "partner '" + partnerId + "' does not exist"));
        if (!partner.isActive()) {
            throw ApiException.conflict("partner '" + partner.id() + "' is " + partner.status() + " and takes no leads");
        }
        if (standings.isSuspended(partner.id())) {
            throw ApiException.conflict("partner '" + partner.id() + "' is suspended and takes no leads; "
                    + "reinstate it first");
        }
        Lead lead = access.lock(leadId);
        if (lead.status() == LeadStatus.UNASSIGNED) {
            completeAs(openTask(lead, TaskCompletionListener.DISTRIBUTE_MANUALLY), caller,
                    Map.of(LeadVariables.ASSIGNED_PARTNER_ID, partner.id()));
            return;
        }
        requireHeld(lead, "reassigned");
        if (partner.id().equals(lead.partnerId())) {
            throw ApiException.conflict("lead " + leadId + " is already held by partner '" + partner.id() + "'");
        }
        Map<String, Object> request = new HashMap<>();
        request.put(LeadVariables.WITHDRAWAL_REASON, WithdrawalReason.REASSIGNED.name());
        request.put(LeadVariables.WITHDRAWAL_NOTE, "to partner " + partner.id());
        request.put(LeadVariables.WITHDRAWN_BY, caller.username());
        request.put(LeadVariables.NOMINATED_PARTNER_ID, partner.id());
        request.put(LeadVariables.NOMINATED_REP, null);
        request.put(LeadVariables.NOMINATED_BY, Method.REASSIGNED.name());
        requestWithdrawal(lead, request);
    }

    private void requestWithdrawal(Lead lead, Map<String, Object> variables) {
        try {
            runtime.createMessageCorrelation(LeadVariables.MESSAGE_WITHDRAWAL_REQUESTED)
                    .processInstanceBusinessKey(lead.businessKey())
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + " and cannot be withdrawn right now");
        }
    }

    private static void requireHeld(Lead lead, String action) {
        if (!HELD.contains(lead.status())) {
            throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + "; only a lead held by a partner ("
                    + HELD + ") can be " + action);
        }
    }

    private Task openTask(Lead lead, String taskKey) {
        return openTask(lead, taskKey, null);
    }

    /** The open step; for offers, the one of the caller's partner (an open competition has one per partner). */
    private Task openTask(Lead lead, String taskKey, String partnerId) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(lead.businessKey()).taskDefinitionKey(taskKey);
        if (partnerId != null) {
            // The partner's group, or its lead managers' when the partner keeps no team queue.
            query = query.taskCandidateGroupIn(List.of(Partner.groupIdOf(partnerId),
                    VendorGroups.managersGroupOf(partnerId))).includeAssignedTasks();
        }
        Task task = query.singleResult();
        if (task == null) {
            throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + " but has no open '" + taskKey
                    + "' step; try again in a moment");
        }
        return task;
    }

    private void completeAs(Task task, Caller caller, Map<String, Object> variables) {
        if (task.getAssignee() != null && !task.getAssignee().equals(caller.username()) && !caller.isPartnerCrm()) {
            throw ApiException.conflict("this step is assigned to " + task.getAssignee());
        }
        tasks.setAssignee(task.getId(), caller.username());
        tasks.complete(task.getId(), variables);
    }
}
