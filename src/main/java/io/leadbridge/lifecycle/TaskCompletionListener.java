package io.leadbridge.lifecycle;

import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lifecycle.LeadVariables.OfferDecision;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.DealRules;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.StandingLookup;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs when a partner rep, inside sales or a channel manager completes a lead task, whether in
 * Tasklist, through {@code /engine-rest} or through Leadbridge's API: remembers who did it and
 * refuses an incomplete answer (a decline without reason, a lost lead without one of the fixed
 * reasons, a won lead without its amount, an illegal opportunity stage, a manual distribution to a
 * partner that cannot take leads). A refusal rolls the completion back.
 */
@Component
class TaskCompletionListener implements TaskListener {

    static final String ACCEPT_LEAD = "Task_AcceptLead";
    static final String CONTACT_PROSPECT = "Task_ContactProspect";
    static final String REPORT_PROGRESS = "Task_ReportProgress";
    static final String CHASE_STATUS_UPDATE = "Task_ChaseStatusUpdate";
    static final String WORK_IN_INSIDE_SALES = "Task_WorkLeadInInsideSales";
    static final String DISTRIBUTE_MANUALLY = "Task_DistributeManually";

    private static final Set<ContactOutcome> FINAL_OUTCOMES = EnumSet.of(ContactOutcome.WON, ContactOutcome.LOST);

    private final IdentityService identity;
    private final PartnerRepository partners;
    private final LeadHolding holding;
    private final StandingLookup standings;
    private final LeadRepository leads;
    private final OpportunityRepository opportunities;
    private final DealProgress deals;

    TaskCompletionListener(IdentityService identity, PartnerRepository partners, LeadHolding holding,
            StandingLookup standings, LeadRepository leads, OpportunityRepository opportunities, DealProgress deals) {
        this.leads = leads;
        this.opportunities = opportunities;
        this.deals = deals;
        this.standings = standings;
        this.identity = identity;
        this.partners = partners;
        this.holding = holding;
    }

    @Override
    public void notify(DelegateTask task) {
        String worker = task.getAssignee();
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            worker = current.getUserId();
        }
        LeadVariables.of(task).taskWorker(worker);

        switch (task.getTaskDefinitionKey()) {
            case ACCEPT_LEAD -> {
                checkOfferAnswer(task);
                settleOffer(task, worker);
            }
            case CONTACT_PROSPECT -> checkOutcome(task, EnumSet.allOf(ContactOutcome.class));
            case WORK_IN_INSIDE_SALES -> checkOutcome(task, FINAL_OUTCOMES);
            case REPORT_PROGRESS -> deals.check(leads.get(LeadVariables.leadId(task)), StatusUpdate.fromVariables(task));
            case CHASE_STATUS_UPDATE -> checkChase(task, worker);
            case DISTRIBUTE_MANUALLY -> checkAssignment(task);
            default -> {
            }
        }
    }

    private static void checkOfferAnswer(DelegateTask task) {
        LeadVariables answer = LeadVariables.of(task);
        OfferDecision decision = answer.offerDecision().orElseThrow(
                () -> new TaskAnswerException(LeadVariables.OFFER_DECISION, "must be ACCEPT or DECLINE"));
        if (decision == OfferDecision.DECLINE && answer.declineReason() == null) {
            throw new TaskAnswerException(LeadVariables.DECLINE_REASON, "a decline needs a reason");
        }
    }

    /**
     * The answer of one partner to its offer. An acceptance names the winner, which ends the
     * "Accept or decline lead" step for every partner; a decline is recorded at once, while
     * competing partners may still accept. Whatever the completion wrote into the winner
     * variable is overwritten here.
     */
    private void settleOffer(DelegateTask task, String worker) {
        LeadVariables answer = LeadVariables.of(task);
        String partnerId = answer.competitor();
        if (answer.offerDecision().orElseThrow() == OfferDecision.ACCEPT) {
            answer.winningPartner(partnerId);
            // The answer stays in the offer's scope (OfferAnswerScope); the winner's rep goes on with the lead.
            LeadVariables.of(task.getExecution().getProcessInstance()).taskWorker(worker);
        } else {
            answer.winningPartner(null);
            holding.closeDeclinedOffer(LeadVariables.leadId(task), partnerId, worker, answer.declineReason());
        }
    }

    private void checkOutcome(DelegateTask task, Set<ContactOutcome> allowed) {
        ContactOutcome outcome = LeadVariables.of(task).outcome().filter(allowed::contains).orElseThrow(
                () -> new TaskAnswerException(LeadVariables.OUTCOME, "must be one of " + allowed));
        if (outcome == ContactOutcome.WON || outcome == ContactOutcome.LOST) {
            long leadId = LeadVariables.leadId(task);
            DealRules.checkAnswer(leadId, opportunities.find(leadId),
                    StatusUpdate.closingFromVariables(task, DealAction.valueOf(outcome.name())), deals.today());
        }
    }

    /** A chase needs a note; withdrawing after it takes the lead from the partner like a manager's withdrawal. */
    private static void checkChase(DelegateTask task, String worker) {
        LeadVariables chase = LeadVariables.of(task);
        String note = chase.chaseNote();
        if (note == null) {
            throw new TaskAnswerException(LeadVariables.CHASE_NOTE, "say what you did about the overdue updates");
        }
        if (note.length() > DealRules.MAX_NOTE) {
            throw new TaskAnswerException(LeadVariables.CHASE_NOTE, "must be at most " + DealRules.MAX_NOTE + " characters");
        }
        boolean withdraw = chase.withdrawAfterChase();
        chase.withdrawAfterChase(withdraw);
        if (withdraw) {
            chase.withdrawalRequested(WithdrawalReason.CHANNEL_MANAGER, worker, "status updates overdue: " + note);
        }
    }

    private void checkAssignment(DelegateTask task) {
        String partnerId = LeadVariables.of(task).assignedPartnerId();
        if (partnerId == null) {
            throw new TaskAnswerException(LeadVariables.ASSIGNED_PARTNER_ID, "name the partner to offer the lead to");
        }
        var partner = partners.findById(partnerId);
        if (partner.isEmpty()) {
            throw new TaskAnswerException(LeadVariables.ASSIGNED_PARTNER_ID, "partner '" + partnerId + "' does not exist");
        }
        if (!partner.get().isActive()) {
            throw new TaskAnswerException(LeadVariables.ASSIGNED_PARTNER_ID, "partner '" + partnerId + "' is not active");
        }
        if (standings.isSuspended(partnerId)) {
            throw new TaskAnswerException(LeadVariables.ASSIGNED_PARTNER_ID, "partner '" + partnerId + "' is suspended");
        }
    }
}
