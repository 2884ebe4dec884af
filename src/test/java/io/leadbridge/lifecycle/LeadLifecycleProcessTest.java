package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.notification.NotificationStatus;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of processes/lead-lifecycle.bpmn with the real delegates and decision tables. A
 * mid-market grade B lead (the fixtures' default) has, per the SLA policy, an accept reminder
 * after 12 hours, an accept SLA of 1 day, a contact reminder after 1 day, a contact SLA of 3 days
 * and 3 offers before manual distribution.
 */
@LeadbridgeTest
class LeadLifecycleProcessTest {

    private static final Duration ACCEPT_REMINDER = Duration.ofHours(12);
    private static final Duration ACCEPT_SLA = Duration.ofDays(1);
    private static final Duration CONTACT_SLA = Duration.ofDays(3);

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    private final Caller channelManager = new Caller("carol", Set.of(VendorGroups.CHANNEL_MANAGERS));

    @BeforeEach
    void onlyThisTestsPartners() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void offersAQualifiedLeadToAnEligiblePartnerAndMailsItsReps() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);

        long leadId = received(fixtures.partnerLead("US"));

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_QualifyLead", "Task_CheckAccountProtection", "Task_DetermineSlaPolicy",
                "Task_SelectPartner", "Task_OfferLead", "Task_SendOfferNotifications").isWaitingAt("Task_AcceptLead");
        assertThat(task(process)).hasCandidateGroup("partner-" + partner).isNotAssigned()
                .hasDueDate(java.util.Date.from(fixtures.lead(leadId).slaDueAt()));
        assertThat(task(process).getName()).as("Tasklist shows which lead it is")
                .startsWith("Accept or decline lead: Prospect ").endsWith(" (Cloud Platform)");
        assertThat(task(process).getDescription()).isEqualTo("Lead " + leadId + ", US, MID_MARKET grade B");
        Lead lead = fixtures.lead(leadId);
        assertThat(lead.status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(lead.partnerId()).isEqualTo(partner);
        assertThat(lead.segment()).isEqualTo("MID_MARKET");
        assertThat(lead.grade()).isEqualTo("B");
        assertThat(lead.attemptCount()).isEqualTo(1);
        assertThat(lead.slaKind()).isEqualTo("ACCEPT");
        assertThat(Duration.between(lead.createdAt(), lead.slaDueAt())).isBetween(ACCEPT_SLA.minusSeconds(5), ACCEPT_SLA.plusSeconds(5));
        assertThat(types(leadId)).containsSubsequence(LeadEventType.CREATED, LeadEventType.QUALIFIED,
                LeadEventType.OFFERED, LeadEventType.NOTIFIED);
        assertThat(notifications.forLead(leadId)).extracting(Notification::kind, Notification::recipient,
                        Notification::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(NotificationKind.LEAD_OFFERED, rep + "@partner.example",
                                NotificationStatus.STORED),
                        org.assertj.core.groups.Tuple.tuple(NotificationKind.LEAD_OFFERED, "alpha@partner.example",
                                NotificationStatus.STORED));
    }

    @Test
    void handsTheMailsOverInTheStepThatWroteThemSoNoJobWaitsToSendThem() {
        String first = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String second = fixtures.partner("beta", PartnerTier.GOLD, "US");
        fixtures.rep(first);
        fixtures.rep(second);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        ProcessInstance process = fixtures.process(leadId);

        runDueJobsOneByOneExpectingOnly(process, "StartEvent_LeadReceived");
        assertThat(process).isWaitingAt("Task_AcceptLead");
        assertThat(events.count(leadId, LeadEventType.NOTIFIED)).isEqualTo(2);
        assertThat(notifications.forLead(leadId)).hasSize(2)
                .allMatch(mail -> mail.status() == NotificationStatus.STORED);

        engine.passTimeWithoutJobs(ACCEPT_SLA.plusMinutes(1));
        runDueJobsOneByOneExpectingOnly(process, "BoundaryEvent_AcceptReminderDue", "BoundaryEvent_AcceptSlaBreached");
        assertThat(fixtures.lead(leadId).attemptCount()).isEqualTo(2);
        assertThat(notifications.forLead(leadId)).extracting(Notification::kind).contains(
                NotificationKind.ACCEPT_REMINDER, NotificationKind.LEAD_WITHDRAWN, NotificationKind.LEAD_OFFERED);
        assertThat(notifications.forLead(leadId)).allMatch(mail -> mail.status() == NotificationStatus.STORED);
    }

    /** Runs the lead's due jobs one at a time, failing on a job of any other step than those named. */
    private void runDueJobsOneByOneExpectingOnly(ProcessInstance process, String... steps) {
        List<org.camunda.bpm.engine.runtime.Job> due;
        while (!(due = management.createJobQuery().processInstanceId(process.getId()).executable().list()).isEmpty()) {
            var step = management.createJobDefinitionQuery().jobDefinitionId(due.get(0).getJobDefinitionId())
                    .singleResult().getActivityId();
            assertThat(step).as("step of a due job").isIn((Object[]) steps);
            management.executeJob(due.get(0).getId());
        }
    }

    @Test
    void remindsThePartnerBeforeTheAcceptSlaAndKeepsWaiting() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long leadId = received(fixtures.partnerLead("US"));

        engine.passTime(ACCEPT_REMINDER.plusMinutes(1));

        assertThat(fixtures.process(leadId)).hasPassed("Task_RemindPartnerToAccept", "Task_SendAcceptReminder")
                .isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(events.count(leadId, LeadEventType.REMINDED)).isEqualTo(1);
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.ACCEPT_REMINDER
                && n.partnerId().equals(partner));
    }

    @Test
    void withdrawsTheLeadWhenThePartnerMissesTheAcceptSlaAndOffersItToTheNextPartner() {
        String first = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String second = fixtures.partner("beta", PartnerTier.GOLD, "US");
        long leadId = received(fixtures.partnerLead("US"));
        String offeredFirst = fixtures.lead(leadId).partnerId();
        String offeredSecond = offeredFirst.equals(first) ? second : first;
        String firstTaskId = task(fixtures.process(leadId)).getId();

        engine.passTime(ACCEPT_SLA.plusMinutes(1));

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_WithdrawUnacceptedLead", "Task_SendWithdrawalNotifications")
                .isWaitingAt("Task_AcceptLead");
        assertThat(tasks.createTaskQuery().taskId(firstTaskId).count()).isZero();
        assertThat(task(process)).hasCandidateGroup("partner-" + offeredSecond);
        Lead lead = fixtures.lead(leadId);
        assertThat(lead.partnerId()).isEqualTo(offeredSecond);
        assertThat(lead.attemptCount()).isEqualTo(2);
        LeadEvent withdrawn = event(leadId, LeadEventType.WITHDRAWN);
        assertThat(withdrawn.partnerId()).isEqualTo(offeredFirst);
        assertThat(withdrawn.detail()).contains("accept SLA");
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.LEAD_WITHDRAWN
                && n.partnerId().equals(offeredFirst));
    }

    @Test
    void neverOffersALeadAgainToAPartnerThatHadItAndGoesToManualDistributionWhenNobodyIsLeft() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long leadId = received(fixtures.partnerLead("US"));

        engine.passTime(ACCEPT_SLA.plusMinutes(1));

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_MarkUnassigned").isWaitingAt("Task_DistributeManually");
        assertThat(task(process)).hasCandidateGroup(VendorGroups.CHANNEL_MANAGERS);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.UNASSIGNED);
        assertThat(fixtures.lead(leadId).partnerId()).isNull();
    }

    @Test
    void aLeadNoPartnerCanTakeWaitsForAChannelManagerWhoAssignsIt() {
        fixtures.partner("emea", PartnerTier.GOLD, "DE");
        long leadId = received(fixtures.partnerLead("US"));
        assertThat(fixtures.process(leadId)).isWaitingAt("Task_DistributeManually");
        assertThat(event(leadId, LeadEventType.UNASSIGNED).detail()).contains("no eligible partner");

        String chosen = fixtures.partner("chosen", PartnerTier.REGISTERED, "CA");
        actions.assign(leadId, chosen, channelManager);
        engine.runDueJobs();

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_RecordManualAssignment").isWaitingAt("Task_AcceptLead");
        assertThat(task(process)).hasCandidateGroup("partner-" + chosen);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(event(leadId, LeadEventType.ASSIGNED).actor()).isEqualTo("carol");
    }

    @Test
    void afterTheMaximumNumberOfOffersTheLeadGoesToManualDistribution() {
        for (String name : List.of("alpha", "beta", "gamma", "delta")) {
            fixtures.partner(name, PartnerTier.GOLD, "US");
        }
        long leadId = received(fixtures.partnerLead("US"));

        for (int offer = 1; offer <= 3; offer++) {
            assertThat(fixtures.lead(leadId).attemptCount()).isEqualTo(offer);
            engine.passTime(ACCEPT_SLA.plusMinutes(1));
        }

        assertThat(fixtures.process(leadId)).isWaitingAt("Task_DistributeManually");
        assertThat(events.count(leadId, LeadEventType.WITHDRAWN)).isEqualTo(3);
        assertThat(event(leadId, LeadEventType.UNASSIGNED).detail()).contains("all 3 offers");
        assertThat(fixtures.lead(leadId).attemptCount()).isEqualTo(3);
    }

    @Test
    void aDeclineNeedsAReasonAndMovesTheLeadToTheNextPartner() {
        OfferedToOneOfTwo offered = leadOfferedToOneOfTwoPartners();
        long leadId = offered.leadId();
        String holder = offered.holder();
        Caller holdingRep = offered.holdingRep();
        Task offer = task(fixtures.process(leadId));

        assertThatThrownBy(() -> tasks.complete(offer.getId(), Map.of("offerDecision", "DECLINE")))
                .hasMessageContaining("declineReason");
        assertThat(fixtures.process(leadId)).isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(holder);

        actions.declineOffer(leadId, "we do not sell in that region", holdingRep);
        engine.runDueJobs();

        assertThat(fixtures.process(leadId)).hasPassed("Task_RecordDecline").isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).partnerId()).isNotEqualTo(holder);
        LeadEvent declined = event(leadId, LeadEventType.DECLINED);
        assertThat(declined.detail()).isEqualTo("we do not sell in that region");
        assertThat(declined.actor()).isEqualTo(holdingRep.username());
        assertThat(declined.partnerId()).isEqualTo(holder);
        Map<String, Object> variables = engine.engine().getRuntimeService().getVariables(fixtures.process(leadId).getId());
        assertThat(variables.get(LeadVariables.DECLINE_REASON))
                .as("the next partner's task shows nothing of the earlier answer").isNull();
        assertThat(variables.get(LeadVariables.TASK_WORKER)).as("nor who gave it").isNull();
    }

    @Test
    void theHappyPathCancelsEverySlaTimerAndEndsWon() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        long leadId = received(fixtures.partnerLead("US"));
        ProcessInstance process = fixtures.process(leadId);
        // accept reminder, the partner's accept deadline, and the inside SLA of each rep (issue 14)
        assertThat(timers(process)).hasSize(3);

        actions.acceptOffer(leadId, rep(rep, partner));

        assertThat(process).hasPassed("Task_RecordAcceptance").isWaitingAt("Task_ContactProspect");
        assertThat(task(process)).isAssignedTo(rep);
        assertThat(timers(process)).as("accept timers are gone, contact timers are set")
                .extracting(j -> j.getDuedate().toInstant())
                .allMatch(due -> due.isAfter(fixtures.lead(leadId).createdAt().plus(ACCEPT_SLA)))
                .hasSize(2);
        Lead accepted = fixtures.lead(leadId);
        assertThat(accepted.status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(accepted.repUsername()).isEqualTo(rep);
        assertThat(accepted.slaKind()).isEqualTo("CONTACT");

        actions.reportContact(leadId, ContactOutcome.CONTACTED, "first call went well", rep(rep, partner));
        assertThat(process).isWaitingAt("Task_ReportProgress");
        assertThat(timers(process)).as("only the status update cycle runs now").hasSize(1);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.CONTACTED);

        actions.reportProgress(leadId, new StatusUpdate(DealAction.WON, new BigDecimal("42000"), "USD", null, null,
                null, null, "signed"), rep(rep, partner));
        engine.runDueJobs();

        assertThat(process).hasPassed("Task_RecordStatusUpdate", "EndEvent_DealClosed").isEnded();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.WON);
        assertThat(types(leadId)).containsSubsequence(LeadEventType.OFFERED, LeadEventType.ACCEPTED,
                LeadEventType.CONTACTED, LeadEventType.WON);
        assertThat(management.createJobQuery().processInstanceId(process.getId()).count()).isZero();
    }

    @Test
    void aLostLeadNeedsAReasonAndEndsLost() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        long leadId = received(fixtures.partnerLead("US"));
        actions.acceptOffer(leadId, rep(rep, partner));
        Task contact = task(fixtures.process(leadId));

        assertThatThrownBy(() -> tasks.complete(contact.getId(), Map.of("outcome", "LOST")))
                .hasMessageContaining("lostReason");

        actions.reportProgress(leadId, new StatusUpdate(DealAction.LOST, null, null, null, null, null,
                LostReason.CHOSE_COMPETITOR, "went with the incumbent"), rep(rep, partner));
        engine.runDueJobs();

        assertThat(fixtures.process(leadId)).isEnded();
        Lead lost = fixtures.lead(leadId);
        assertThat(lost.status()).isEqualTo(LeadStatus.LOST);
        assertThat(lost.outcomeReason()).isEqualTo("CHOSE_COMPETITOR");
    }

    @Test
    void remindsTheRepToContactAndWithdrawsTheLeadWhenTheContactSlaIsMissed() {
        OfferedToOneOfTwo offered = leadOfferedToOneOfTwoPartners();
        long leadId = offered.leadId();
        String holder = offered.holder();
        String holdingRep = offered.holdingRep().username();
        actions.acceptOffer(leadId, offered.holdingRep());

        engine.passTime(Duration.ofDays(1).plusMinutes(1));
        assertThat(fixtures.process(leadId)).hasPassed("Task_RemindRepToContact").isWaitingAt("Task_ContactProspect");
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.CONTACT_REMINDER
                && n.recipient().equals(holdingRep + "@partner.example"));

        engine.passTime(CONTACT_SLA);

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_WithdrawUncontactedLead").isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).partnerId()).isNotEqualTo(holder);
        assertThat(event(leadId, LeadEventType.WITHDRAWN).detail()).contains("contact SLA");
        assertThat(tasks.createTaskQuery().taskAssignee(holdingRep).count()).isZero();
    }

    @Test
    void reportingTheProspectNotReachableKeepsTheOriginalContactDeadline() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        long leadId = received(fixtures.partnerLead("US"));
        actions.acceptOffer(leadId, rep(rep, partner));
        var deadline = fixtures.lead(leadId).slaDueAt();

        engine.passTime(Duration.ofDays(2));
        actions.reportContact(leadId, ContactOutcome.NOT_REACHABLE, "voicemail", rep(rep, partner));

        assertThat(fixtures.process(leadId)).isWaitingAt("Task_ContactProspect");
        assertThat(fixtures.lead(leadId).slaDueAt()).isEqualTo(deadline);
        assertThat(events.count(leadId, LeadEventType.CONTACT_ATTEMPTED)).isEqualTo(1);
        var secondAttempt = tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(leadId))
                .taskDefinitionKey("Task_ContactProspect").singleResult();
        assertThat(tasks.getVariables(secondAttempt.getId())).as("the second attempt starts empty")
                .containsEntry("note", null).containsEntry("outcome", "NOT_REACHABLE");
        assertThat(engine.engine().getRuntimeService().getVariables(fixtures.process(leadId).getId()))
                .as("the first attempt's note stayed in its own scope").doesNotContainKey("note");
        engine.runDueJobs();
        assertThat(events.count(leadId, LeadEventType.REMINDED)).as("one reminder per deadline").isEqualTo(1);

        engine.passTime(Duration.ofDays(1).plusMinutes(1));
        assertThat(fixtures.process(leadId)).hasPassed("Task_WithdrawUncontactedLead");
    }

    @Test
    void aChannelManagerWithdrawsALeadAndItIsRedistributed() {
        String first = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String second = fixtures.partner("beta", PartnerTier.GOLD, "US");
        long leadId = received(fixtures.partnerLead("US"));
        String holder = fixtures.lead(leadId).partnerId();

        actions.withdraw(leadId, "customer asked for a local partner", channelManager);
        engine.runDueJobs();

        assertThat(fixtures.process(leadId)).hasPassed("Task_WithdrawOfferOnRequest").isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(holder.equals(first) ? second : first);
        LeadEvent withdrawn = event(leadId, LeadEventType.WITHDRAWN);
        assertThat(withdrawn.actor()).isEqualTo("carol");
        assertThat(withdrawn.detail()).contains("customer asked for a local partner");
    }

    @Test
    void aChannelManagerReassignsAnAcceptedLeadToANamedPartner() {
        String first = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(first);
        String named = fixtures.partner("named", PartnerTier.SILVER, "GB");
        long leadId = received(fixtures.partnerLead("US"));
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(first);
        actions.acceptOffer(leadId, rep(rep, first));

        actions.assign(leadId, named, channelManager);
        engine.runDueJobs();

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_WithdrawFollowUpOnRequest").isWaitingAt("Task_AcceptLead");
        assertThat(task(process)).hasCandidateGroup("partner-" + named);
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(named);
        assertThat(event(leadId, LeadEventType.WITHDRAWN).detail()).contains("reassigned").contains(named);
    }

    @Test
    void aChannelManagerWithdrawsAContactedLeadAndItIsRedistributed() {
        OfferedToOneOfTwo offered = leadOfferedToOneOfTwoPartners();
        long leadId = offered.leadId();
        String holder = offered.holder();
        Caller holdingRep = offered.holdingRep();
        actions.acceptOffer(leadId, holdingRep);
        actions.reportContact(leadId, ContactOutcome.CONTACTED, "intro call done", holdingRep);
        assertThat(fixtures.process(leadId)).isWaitingAt("Task_ReportProgress");

        actions.withdraw(leadId, "no update for six weeks", channelManager);
        engine.runDueJobs();

        assertThat(fixtures.process(leadId)).hasPassed("Task_WithdrawContactedLeadOnRequest")
                .isWaitingAt("Task_AcceptLead");
        assertThat(fixtures.lead(leadId).partnerId()).isNotEqualTo(holder);
        assertThat(tasks.createTaskQuery().taskAssignee(holdingRep.username()).count()).isZero();
    }

    @Test
    void aProtectedAccountGoesStraightToItsPartnerAndRep() {
        fixtures.protectedPartner("northwind-systems", "nina");
        fixtures.partner("alpha", PartnerTier.PLATINUM, "US");
        var submission = fixtures.partnerLead("US");
        var globex = new io.leadbridge.intake.LeadSubmission(submission.externalId(), submission.source(),
                submission.campaign(), submission.product(), submission.score(), submission.contact(),
                new io.leadbridge.intake.LeadSubmission.Account("Globex", "www.Globex.com", "Retail", "US", 250, null),
                null);

        long leadId = received(globex);

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_CheckAccountProtection").hasNotPassed("Task_SelectPartner")
                .isWaitingAt("Task_AcceptLead");
        Task offer = task(process);
        assertThat(offer).isAssignedTo("nina");
        assertThat(tasks.getIdentityLinksForTask(offer.getId()))
                .anyMatch(link -> "partner-northwind-systems".equals(link.getGroupId()));
        Lead lead = fixtures.lead(leadId);
        assertThat(lead.protectedAccount()).isTrue();
        assertThat(lead.partnerId()).isEqualTo("northwind-systems");
        assertThat(lead.repUsername()).isEqualTo("nina");
        assertThat(event(leadId, LeadEventType.ACCOUNT_PROTECTED).partnerId()).isEqualTo("northwind-systems");
    }

    @Test
    void aLeadTooEarlyForSalesGoesBackToNurture() {
        long leadId = received(fixtures.lead("US", 30, 250, "Cloud Platform", "Retail"));

        assertThat(fixtures.process(leadId)).hasPassed("Task_ReturnToNurture").isEnded();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.NURTURE);
        assertThat(fixtures.lead(leadId).grade()).isEqualTo("D");
    }

    @Test
    void aJunkLeadIsDisqualified() {
        long leadId = received(fixtures.lead("US", 5, 250, "Cloud Platform", "Retail"));

        assertThat(fixtures.process(leadId)).hasPassed("Task_DisqualifyLead").isEnded();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.DISQUALIFIED);
    }

    @Test
    void aLeadFromAnEmbargoedCountryIsDisqualified() {
        long leadId = received(fixtures.lead("CU", 90, 5000, "Cloud Platform", "Retail"));

        assertThat(fixtures.process(leadId)).hasPassed("Task_DisqualifyLead").isEnded();
        assertThat(fixtures.lead(leadId).route()).isEqualTo("DISQUALIFY");
    }

    @Test
    void aSmallLukewarmLeadIsWorkedByInsideSales() {
        long leadId = received(fixtures.lead("US", 50, 20, "Cloud Platform", "Retail"));

        ProcessInstance process = fixtures.process(leadId);
        assertThat(process).hasPassed("Task_HandOverToInsideSales").isWaitingAt("Task_WorkLeadInInsideSales");
        assertThat(task(process)).hasCandidateGroup(VendorGroups.INSIDE_SALES);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.INSIDE_SALES);

        Task work = task(process);
        assertThatThrownBy(() -> tasks.complete(work.getId(), Map.of("outcome", "CONTACTED")))
                .hasMessageContaining("outcome");
        tasks.setAssignee(work.getId(), "ivan");
        assertThatThrownBy(() -> tasks.complete(work.getId(), Map.of("outcome", "WON", "note", "closed by phone")))
                .as("a won lead needs its value").hasMessageContaining("opportunityAmount");
        tasks.complete(work.getId(), Map.of("outcome", "WON", "note", "closed by phone", "opportunityAmount", "12500",
                "currency", "EUR"));

        assertThat(process).hasPassed("Task_RecordInsideSalesOutcome").isEnded();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.WON);
        assertThat(event(leadId, LeadEventType.WON).actor()).isEqualTo("ivan");
    }

    /** Two eligible partners with a rep each, and a lead offered to one of them. */
    private record OfferedToOneOfTwo(long leadId, String holder, Caller holdingRep) {
    }

    private OfferedToOneOfTwo leadOfferedToOneOfTwoPartners() {
        String first = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String second = fixtures.partner("beta", PartnerTier.GOLD, "US");
        Map<String, String> reps = Map.of(first, fixtures.rep(first), second, fixtures.rep(second));
        long leadId = received(fixtures.partnerLead("US"));
        String holder = fixtures.lead(leadId).partnerId();
        return new OfferedToOneOfTwo(leadId, holder, rep(reps.get(holder), holder));
    }

    private long received(io.leadbridge.intake.LeadSubmission submission) {
        long leadId = fixtures.submit(submission);
        assertThat(fixtures.process(leadId)).isWaitingAt("StartEvent_LeadReceived");
        engine.runDueJobs();
        return leadId;
    }

    private static Caller rep(String username, String partnerId) {
        return new Caller(username, Set.of("partner-" + partnerId));
    }

    private List<org.camunda.bpm.engine.runtime.Job> timers(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).timers().list();
    }

    private List<LeadEventType> types(long leadId) {
        return events.timeline(leadId).stream().map(LeadEvent::type).toList();
    }

    private LeadEvent event(long leadId, LeadEventType type) {
        return events.timeline(leadId).stream().filter(e -> e.type() == type).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no " + type + " event on lead " + leadId));
    }
}
