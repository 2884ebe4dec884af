package io.leadbridge.demo;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.DealProgress;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepDispatch;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Moves a demo lead along its story the way people would: a rep of the partner holding it, or
 * the channel manager, acts through {@link LeadActions}. The lead's process continues
 * asynchronously after each step, so before acting the driver runs the lead's due jobs itself
 * instead of waiting for the job executor. A job executor that runs meanwhile (another node on
 * the same database, or this one once started) may take a job first: then the driver looks again.
 */
@Component
class DemoLeadDriver {

    /** More than any lead needs between two steps; reaching it means a job keeps coming back. */
    private static final int MAX_JOBS_PER_STEP = 50;

    private static final Caller CHANNEL_MANAGER =
            new Caller(DemoUsers.CHANNEL_MANAGER, Set.of(VendorGroups.CHANNEL_MANAGERS));

    private final ManagementService management;
    private final RuntimeService runtime;
    private final LeadRepository leads;
    private final PartnerRepository partners;
    private final LeadActions actions;
    private final LeadOfferLog offers;
    private final ProspectRepository prospects;
    private final DealProgress deals;

    private final RepDispatch repDispatch;

    DemoLeadDriver(ManagementService management, RuntimeService runtime, LeadRepository leads,
            PartnerRepository partners, LeadActions actions, LeadOfferLog offers, ProspectRepository prospects,
            DealProgress deals, RepDispatch repDispatch) {
        this.repDispatch = repDispatch;
        this.prospects = prospects;
        this.deals = deals;
        this.offers = offers;
        this.management = management;
        this.runtime = runtime;
        this.leads = leads;
        this.partners = partners;
        this.actions = actions;
    }

    /** Runs the lead's due jobs until none is left: the lead then waits for a person, or its process has ended. */
    Lead settle(long leadId) {
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(Long.toString(leadId)).singleResult();
        if (process != null) {
            int executed = 0;
            for (Job job = nextDueJob(process.getId()); job != null; job = nextDueJob(process.getId())) {
                if (++executed > MAX_JOBS_PER_STEP) {
                    throw new IllegalStateException("lead " + leadId + ": jobs keep becoming due after "
                            + MAX_JOBS_PER_STEP + " runs");
                }
                execute(job);
            }
        }
        return leads.get(leadId);
    }

    private Job nextDueJob(String processInstanceId) {
        List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().active()
                .listPage(0, 1);
        return due.isEmpty() ? null : due.get(0);
    }

    private void execute(Job job) {
        try {
            management.executeJob(job.getId());
        } catch (OptimisticLockingException raced) {
            // The job executor ran the same job at the same time; look again at what is due.
        } catch (ProcessEngineException e) {
            if (management.createJobQuery().jobId(job.getId()).count() > 0) {
                throw e;
            }
            // The job executor finished the job between our query and our run of it.
        }
    }

    /** Deals in the prospect's money: dollars in the United States, pounds in Britain, euros elsewhere. */
    private String currencyOf(Lead lead) {
        return switch (prospects.account(lead.accountId()).country()) {
            case "US" -> "USD";
            case "GB" -> "GBP";
            default -> "EUR";
        };
    }

    /** A step done: who did it, and the lead as it stands afterwards. */
    record Performed(String actor, Lead lead) {
    }

    /**
     * Performs the step as the person who would, after running the lead's due jobs. Empty, and
     * nothing done, when the lead is not in a state that allows the step (for example, no
     * partner could take it).
     */
    Optional<Performed> perform(long leadId, DemoStep step) {
        Lead lead = settle(leadId);
        if (!step.kind().actsOn(lead.status())) {
            return Optional.empty();
        }
        Caller actor = switch (step.kind()) {
            case ACCEPT, DECLINE -> offeredRep(lead);
            case WITHDRAW -> CHANNEL_MANAGER;
            default -> rep(lead.repUsername(), lead.partnerId());
        };
        switch (step.kind()) {
            case ACCEPT -> actions.acceptOffer(leadId, actor);
            case DECLINE -> actions.declineOffer(leadId, step.text(), actor);
            case REACH_PROSPECT -> actions.reportContact(leadId, ContactOutcome.CONTACTED, step.text(), actor);
            case MISS_PROSPECT -> actions.reportContact(leadId, ContactOutcome.NOT_REACHABLE, step.text(), actor);
            case CONVERT -> actions.reportProgress(leadId, new StatusUpdate(DealAction.CONVERT, step.amount(),
                    currencyOf(lead), deals.today().plusWeeks(6), List.of(lead.product()), step.stage(), null,
                    step.text()), actor);
            case ADVANCE -> actions.reportProgress(leadId, new StatusUpdate(DealAction.UPDATE, null, null, null, null,
                    step.stage(), null, step.text()), actor);
            case WIN -> actions.reportProgress(leadId, new StatusUpdate(DealAction.WON, step.amount(), currencyOf(lead),
                    null, null, null, null, step.text()), actor);
            case LOSE -> actions.reportProgress(leadId, new StatusUpdate(DealAction.LOST, null, null, null, null, null,
                    step.lostReason(), step.text()), actor);
            case WITHDRAW -> actions.withdraw(leadId, step.text(), actor);
        }
        String who = actor.isChannelManager() ? actor.username() + " (channel manager)"
                : actor.username() + " of " + actor.partnerId();
        return Optional.of(new Performed(who, settle(leadId)));
    }

    /**
     * The rep named on the offer (a protected account's rep), else the rep the partner's dispatch
     * gave it to, else one of the partner's reps, in turn by lead. In an open competition the first
     * partner offered the lead answers.
     */
    private Caller offeredRep(Lead lead) {
        if (lead.repUsername() != null) {
            return rep(lead.repUsername(), lead.partnerId());
        }
        String partnerId = lead.partnerId() != null ? lead.partnerId() : offers.openPartners(lead.id()).get(0);
        // In an open competition each partner's offer is its own dispatched rep's.
        RepAssignment holder = repDispatch.current(lead.id(), partnerId);
        if (holder != null && holder.repUsername() != null) {
            return rep(holder.repUsername(), partnerId);
        }
        List<PartnerRep> reps = partners.findReps(partnerId);
        if (reps.isEmpty()) {
            throw new IllegalStateException("partner " + partnerId + " has no rep to answer lead " + lead.id());
        }
        return rep(reps.get((int) (lead.id() % reps.size())).username(), partnerId);
    }

    private static Caller rep(String username, String partnerId) {
        return new Caller(username, Set.of(Partner.groupIdOf(partnerId)));
    }
}
