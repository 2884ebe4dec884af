package io.leadbridge.lifecycle;

import io.leadbridge.database.RetriedOnDeadlock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lead.OfferOutcome;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.DealRules;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.EnumSet;
import java.util.HashMap;
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
 * refused action changes nothing. An action whose transaction loses a deadlock (with the lead's
 * jobs, or the same call on another node) runs again from the start.
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
    private final LeadOfferLog offers;
    private final StandingLookup standings;
    private final LeadEventLog events;
    private final LateUpdates lateUpdates;
    private final DealProgress deals;

    LeadActions(LeadRepository leads, PartnerRepository partners, TaskService tasks, RuntimeService runtime,
            LeadOfferLog offers, StandingLookup standings, LeadEventLog events, LateUpdates lateUpdates,
            DealProgress deals) {
        this.deals = deals;
        this.events = events;
        this.lateUpdates = lateUpdates;
        this.offers = offers;
        this.standings = standings;
        this.leads = leads;
        this.partners = partners;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @Transactional
    public void accept(long leadId, Caller caller) {
        Lead lead = lockForPartner(leadId, caller, "accept");
        requireStatus(lead, "accepted", LeadStatus.OFFERED);
        completeAs(openTask(lead, TaskCompletionListener.ACCEPT_LEAD, caller.partnerId()), caller,
                Map.of(LeadVariables.OFFER_DECISION, "ACCEPT"));
    }

    @Transactional
    public void decline(long leadId, String reason, Caller caller) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "a decline needs a reason");
        }
        Lead lead = lockForPartner(leadId, caller, "decline");
        requireStatus(lead, "declined", LeadStatus.OFFERED);
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
        Lead lead = lockForPartner(leadId, caller, "contact report " + outcome);
        requireStatus(lead, "reported on", LeadStatus.ACCEPTED);
        requireRep(lead, caller);
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
        Lead lead = lockForPartner(leadId, caller, "status update " + update.action());
        requireStatus(lead, "reported on", LeadStatus.ACCEPTED, LeadStatus.CONTACTED, LeadStatus.OPPORTUNITY);
        requireRep(lead, caller);
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
        Lead lead = lockForPartner(leadId, caller, "status sync " + status);
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
        requireChannelManager(caller);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "say why the lead is withdrawn");
        }
        Lead lead = leads.lock(leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId + " does not exist"));
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
        requireChannelManager(caller);
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
        Lead lead = leads.lock(leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId + " does not exist"));
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

    /**
     * The lead, locked, for another feature's action by a rep (or CRM) of the partner holding it,
     * under the same checks as accept and contact: 403 for another partner, 409 for a lead withdrawn
     * from the caller's partner (recorded as a late update) or not in one of the allowed statuses.
     */
    @Transactional
    public Lead lockHeldLead(long leadId, Caller caller, String action, LeadStatus... allowed) {
        Lead lead = lockForPartner(leadId, caller, action);
        requireStatus(lead, action, allowed);
        return lead;
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

    /**
     * The lead, locked, if the caller's partner holds it or has an open offer of it. A partner
     * that held it and lost it (withdrawn, reassigned, beaten in an open competition) gets 409
     * saying when, and the late {@code action} is recorded on the lead; anyone else gets 403.
     */
    private Lead lockForPartner(long leadId, Caller caller, String action) {
        Lead lead = leads.lock(leadId).orElseThrow(() -> ApiException.notFound("lead " + leadId + " does not exist"));
        if (caller.partnerId() == null || caller.isChannelManager()) {
            throw ApiException.forbidden("only a rep of the partner holding the lead may do this");
        }
        if (!caller.partnerId().equals(lead.partnerId()) && !offers.hasOpenOffer(leadId, caller.partnerId())) {
            var ended = offers.lastEndedOffer(leadId, caller.partnerId());
            if (ended.isPresent() && ended.get().outcome() == OfferOutcome.WITHDRAWN) {
                lateUpdates.refused(leadId, caller, action, ended.get().closedAt());
                throw ApiException.conflict("lead " + leadId + " was withdrawn from your partner at "
                        + ended.get().closedAt() + (LeadHolding.COMPETITION_LOST.equals(ended.get().reason())
                                ? ": another partner accepted it first" : "")
                        + "; updates from your partner are no longer accepted");
            }
            // A lead the partner had accepted: its offer ended ACCEPTED, the withdrawal is on the timeline.
            var withdrawn = ended.isPresent() && ended.get().outcome() == OfferOutcome.ACCEPTED
                    ? events.latest(leadId, LeadEventType.WITHDRAWN, caller.partnerId())
                            .filter(e -> !e.occurredAt().isBefore(ended.get().closedAt()))
                    : Optional.<LeadEvent>empty();
            if (withdrawn.isPresent()) {
                lateUpdates.refused(leadId, caller, action, withdrawn.get().occurredAt());
                throw ApiException.conflict("lead " + leadId + " was withdrawn from your partner at "
                        + withdrawn.get().occurredAt() + "; updates from your partner are no longer accepted");
            }
            throw ApiException.forbidden("lead " + leadId + " is not held by your partner");
        }
        return lead;
    }

    private static void requireStatus(Lead lead, String action, LeadStatus... allowed) {
        for (LeadStatus status : allowed) {
            if (lead.status() == status) {
                return;
            }
        }
        throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + "; only a lead that is "
                + String.join(" or ", java.util.Arrays.stream(allowed).map(Enum::name).toList()) + " can be " + action);
    }

    /** The rep holding the lead, or its partner's CRM, which acts for every rep of the partner. */
    private static void requireRep(Lead lead, Caller caller) {
        if (lead.repUsername() != null && !lead.repUsername().equals(caller.username()) && !caller.isPartnerCrm()) {
            throw ApiException.forbidden("lead " + lead.id() + " is held by rep " + lead.repUsername());
        }
    }

    private static void requireHeld(Lead lead, String action) {
        if (!HELD.contains(lead.status())) {
            throw ApiException.conflict("lead " + lead.id() + " is " + lead.status() + "; only a lead held by a partner ("
                    + HELD + ") can be " + action);
        }
    }

    private static void requireChannelManager(Caller caller) {
        if (!caller.isChannelManager()) {
            throw ApiException.forbidden("only channel managers may do this");
        }
    }

    private Task openTask(Lead lead, String taskKey) {
        return openTask(lead, taskKey, null);
    }

    /** The open step; for offers, the one of the caller's partner (an open competition has one per partner). */
    private Task openTask(Lead lead, String taskKey, String partnerId) {
        var query = tasks.createTaskQuery().processInstanceBusinessKey(lead.businessKey()).taskDefinitionKey(taskKey);
        if (partnerId != null) {
            query = query.taskCandidateGroup(Partner.groupIdOf(partnerId)).includeAssignedTasks();
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
