package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.Notification;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.RepProfileRequest;
import io.leadbridge.partner.RepProfiles;
import io.leadbridge.partner.RepRequest;
import io.leadbridge.routing.RepAssignmentLog;
import io.leadbridge.routing.RepAssignmentLog.Method;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Inside the partner: the rep assignment table and the fair rotation pick the rep of an offer,
 * capacity and out of office with a stand-in are honoured, no match goes to the lead managers, and
 * the inside SLA (mid-market: 4 hours of the partner's day) moves the offer on with the engine clock
 * while the partner's own deadline stays where it was.
 */
@LeadbridgeTest
class InsidePartnerDispatchTest {

    private static final Duration REP_ACCEPT_SLA = Duration.ofHours(4);
    private static final Duration ACCEPT_SLA = Duration.ofDays(1);

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerService partners;
    @Autowired RepProfiles profiles;
    @Autowired RepAssignmentLog assignments;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired LeadActions actions;
    @Autowired LeadAccess access;

    private final Caller channelManager = new Caller("carol", Set.of(VendorGroups.CHANNEL_MANAGERS));
    private String partner;
    private String manager;

    @BeforeEach
    void partnerWithALeadManager() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = person("mgr", PartnerRole.LEAD_MANAGER);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theRotationSharesOffersAmongTheMatchingRepsAndSkipsTheOthers() {
        String anna = rep("a-anna", 5, "US");
        String bert = rep("b-bert", 5, "US");
        String german = rep("c-carl", 5, "DE");

        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            holders.add(task(offered()).getAssignee());
        }

        assertThat(holders).containsExactly(anna, bert, anna, bert).doesNotContain(german);
        assertThat(assignments.forLead(lastLead).get(0).candidates()).contains(german + ": skipped, does not cover US");
    }

    @Test
    void theLeadsLanguagePicksTheRepWhoSpeaksItAndTheRoutingSaysSo() {
        rep("a-anna", 5, "US");
        String spanish = person("b-bert", PartnerRole.REP);
        profiles.saveProfile(partner, spanish, new RepProfileRequest(5, Set.of("US"), null, null, null,
                Set.of("en", "es"), null, null, null), channelManager);

        lastLead = fixtures.submit(speaking(fixtures.partnerLead("US"), "ES"));
        engine.runDueJobs();

        assertThat(task(fixtures.process(lastLead))).as("anna's turn would come first by name").isAssignedTo(spanish);
        assertThat(fixtures.lead(lastLead).language()).isEqualTo("es");
        RepAssignmentLog.RepAssignment chosen = assignments.forLead(lastLead).get(0);
        assertThat(chosen.reason()).contains("language").contains("the lead's language is es");
        assertThat(chosen.candidates()).containsPattern("a-anna-\\w+: skipped, does not speak es");
    }

    @Test
    void aLeadWithoutALanguageIsNotCheckedOnIt() {
        String anna = rep("a-anna", 5, "US");

        assertThat(task(offered())).isAssignedTo(anna);
        assertThat(assignments.forLead(lastLead).get(0).reason())
                .contains("the lead names no language, so no rep is checked on it");
    }

    @Test
    void theOfferIsAssignedToTheRepWithTheLeadManagersAsCandidates() {
        String anna = rep("a-anna", 5, "US");

        ProcessInstance process = offered();

        assertThat(task(process)).isAssignedTo(anna);
        assertThat(groupsOf(task(process))).containsExactlyInAnyOrder(VendorGroups.managersGroupOf(partner),
                "partner-" + partner);
        assertThat(fixtures.lead(lastLead).repUsername()).isEqualTo(anna);
        assertThat(mails(NotificationKind.LEAD_OFFERED)).contains(anna + "@partner.example")
                .doesNotContain(manager + "@partner.example");
        assertThat(assignments.forLead(lastLead)).singleElement()
                .satisfies(a -> assertThat(a.method()).isEqualTo(Method.ROTATION));
    }

    @Test
    void aRepAtCapacityIsSkipped() {
        String anna = rep("a-anna", 1, "US");
        String bert = rep("b-bert", 5, "US");

        List<String> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            holders.add(task(offered()).getAssignee());
        }

        assertThat(holders).containsExactly(anna, bert, bert);
        assertThat(assignments.forLead(lastLead).get(0).candidates()).contains(anna + ": skipped, at capacity (1 of 1");
    }

    @Test
    void aRepOutOfOfficeHandsItsTurnToItsStandIn() {
        String standIn = rep("s-sam", 5, "DE");
        String anna = person("a-anna", PartnerRole.REP);
        Instant now = Instant.now();
        profiles.saveProfile(partner, anna, new RepProfileRequest(5, Set.of("US"), null, null, null, null,
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(7)), standIn), channelManager);

        assertThat(task(offered())).isAssignedTo(standIn);
        assertThat(assignments.forLead(lastLead)).singleElement()
                .satisfies(a -> assertThat(a.method()).isEqualTo(Method.STAND_IN))
                .satisfies(a -> assertThat(a.reason()).contains("stand-in for " + anna));
    }

    @Test
    void withoutAMatchingRepTheOfferGoesToTheLeadManagers() {
        rep("c-carl", 5, "DE");

        ProcessInstance process = offered();

        assertThat(task(process)).isNotAssigned().hasCandidateGroup(VendorGroups.managersGroupOf(partner));
        assertThat(fixtures.lead(lastLead).repUsername()).isNull();
        assertThat(mails(NotificationKind.LEAD_OFFERED)).contains(manager + "@partner.example");
        assertThat(assignments.forLead(lastLead)).singleElement()
                .satisfies(a -> assertThat(a.method()).isEqualTo(Method.MANAGERS));
    }

    @Test
    void whenThePartnerDispatchesByHandAndKeepsNoTeamQueueOnlyTheManagersHoldTheOffer() {
        rep("a-anna", 5, "US");
        profiles.saveDispatch(partner, false, true, channelManager);

        ProcessInstance process = offered();

        assertThat(task(process)).isNotAssigned().hasCandidateGroup(VendorGroups.managersGroupOf(partner));
        assertThat(groupsOf(task(process))).doesNotContain("partner-" + partner);
        assertThat(assignments.forLead(lastLead).get(0).reason()).contains("dispatches its offers by hand");
    }

    @Test
    void theInsideSlaMovesTheOfferToTheNextRepThenToTheManagersWhileThePartnersDeadlineStays() {
        String anna = rep("a-anna", 5, "US");
        String bert = rep("b-bert", 5, "US");
        ProcessInstance process = offered();
        assertThat(task(process)).isAssignedTo(anna);
        Instant deadline = fixtures.lead(lastLead).slaDueAt();
        Instant withdrawalTimer = acceptSlaTimer(process).getDuedate().toInstant();

        engine.passTime(REP_ACCEPT_SLA.plusMinutes(1));

        assertThat(process).hasPassed("Task_MoveOfferToNextRep", "Task_SendOfferMovedNotifications")
                .isWaitingAt("Task_AcceptLead");
        assertThat(task(process)).isAssignedTo(bert);
        assertThat(groupsOf(task(process))).contains(VendorGroups.managersGroupOf(partner));
        assertThat(fixtures.lead(lastLead).repUsername()).isEqualTo(bert);
        assertThat(mails(NotificationKind.OFFER_MOVED)).contains(bert + "@partner.example")
                .doesNotContain(anna + "@partner.example", manager + "@partner.example");
        LeadEvent moved = event(LeadEventType.OFFER_MOVED);
        assertThat(moved.detail()).contains("rep " + bert).contains(anna + " did not accept within PT4H");

        engine.passTime(REP_ACCEPT_SLA);

        assertThat(task(process)).isNotAssigned().hasCandidateGroup(VendorGroups.managersGroupOf(partner));
        assertThat(mails(NotificationKind.OFFER_MOVED)).contains(manager + "@partner.example");
        assertThat(assignments.forLead(lastLead)).extracting(RepAssignmentLog.RepAssignment::method)
                .containsExactly(Method.ROTATION, Method.ROTATION, Method.MANAGERS);
        assertThat(fixtures.lead(lastLead).slaDueAt()).as("the partner's clock is not reset").isEqualTo(deadline);
        assertThat(acceptSlaTimer(process).getDuedate().toInstant()).isEqualTo(withdrawalTimer);

        engine.passTime(REP_ACCEPT_SLA);
        assertThat(events.count(lastLead, LeadEventType.OFFER_MOVED)).as("the managers keep it").isEqualTo(2);

        engine.passTime(ACCEPT_SLA);
        assertThat(process).hasPassed("Task_WithdrawUnacceptedLead");
        assertThat(fixtures.lead(lastLead).partnerId()).isNull();
    }

    @Test
    void anOfferNoRepHoldsHasNoInsideSlaAndCostsNoMovesUntilThePartnersDeadline() {
        rep("c-carl", 5, "DE");  // matches no US lead: the lead managers hold the offer
        ProcessInstance process = offered();
        assertThat(task(process)).isNotAssigned();
        Instant deadline = fixtures.lead(lastLead).slaDueAt();

        Job insideSla = management.createJobQuery().processInstanceId(process.getId()).timers()
                .activityId("BoundaryEvent_RepAcceptSlaBreached").singleResult();
        assertThat(insideSla.getDuedate().toInstant()).as("only after the partner's deadline").isAfter(deadline);

        engine.passTime(REP_ACCEPT_SLA.plusMinutes(1));
        engine.passTime(REP_ACCEPT_SLA);
        engine.passTime(REP_ACCEPT_SLA);

        assertThat(process).hasNotPassed("Task_MoveOfferToNextRep").isWaitingAt("Task_AcceptLead");
        assertThat(events.count(lastLead, LeadEventType.OFFER_MOVED)).isZero();
        // the partner's deadline passes: the offer ends before the timer's single moment a minute later
        engine.passTime(Duration.between(ClockUtil.getCurrentTime().toInstant(), deadline).plusSeconds(30));
        assertThat(process).hasPassed("Task_WithdrawUnacceptedLead").hasNotPassed("Task_MoveOfferToNextRep");
    }

    @Test
    void withoutATeamQueueAnotherRepNeitherSeesNorTakesTheOfferAndItsOwnRepAcceptsIt() {
        String anna = rep("a-anna", 5, "US");
        String bert = rep("b-bert", 5, "DE");
        profiles.saveDispatch(partner, false, false, channelManager);
        ProcessInstance process = offered();
        assertThat(task(process)).isAssignedTo(anna);
        assertThat(groupsOf(task(process))).containsExactly(VendorGroups.managersGroupOf(partner));
        Caller colleague = new Caller(bert, Set.of("partner-" + partner));

        assertThat(access.mayView(fixtures.lead(lastLead), colleague)).isFalse();
        assertThatThrownBy(() -> actions.acceptOffer(lastLead, colleague))
                .hasMessageContaining("assigned to another rep");
        assertThat(access.mayView(fixtures.lead(lastLead), new Caller(manager,
                Set.of("partner-" + partner, VendorGroups.managersGroupOf(partner))))).isTrue();

        actions.acceptOffer(lastLead, new Caller(anna, Set.of("partner-" + partner)));
        assertThat(process).isWaitingAt("Task_ContactProspect");
        assertThat(access.mayView(fixtures.lead(lastLead), colleague)).isFalse();
    }

    @Test
    void theRepWhoAcceptsInTimeEndsTheInsideSlaTimer() {
        String anna = rep("a-anna", 5, "US");
        ProcessInstance process = offered();

        actions.acceptOffer(lastLead, new Caller(anna, Set.of("partner-" + partner)));

        assertThat(process).isWaitingAt("Task_ContactProspect");
        assertThat(management.createJobQuery().processInstanceId(process.getId()).timers()
                .activityId("BoundaryEvent_RepAcceptSlaBreached").count()).isZero();
        assertThat(fixtures.lead(lastLead).status()).isEqualTo(LeadStatus.ACCEPTED);
    }

    private long lastLead;

    private ProcessInstance offered() {
        lastLead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        ProcessInstance process = fixtures.process(lastLead);
        assertThat(process).isWaitingAt("Task_AcceptLead");
        return process;
    }

    private static LeadSubmission speaking(LeadSubmission lead, String language) {
        return new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(), lead.product(), lead.score(),
                lead.contact(), lead.account(), lead.notes(), language);
    }

    private String rep(String prefix, int capacity, String country) {
        String username = person(prefix, PartnerRole.REP);
        profiles.saveProfile(partner, username, new RepProfileRequest(capacity, Set.of(country), null,
                Set.of("Cloud Platform"), Set.of("Retail"), Set.of("en"), null, null, null), channelManager);
        return username;
    }

    private String person(String prefix, PartnerRole role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        partners.addRep(partner, new RepRequest(username, null, null, "Pat Person", username + "@partner.example",
                LeadFixtures.PASSWORD, role));
        return username;
    }

    private Job acceptSlaTimer(ProcessInstance process) {
        return management.createJobQuery().processInstanceId(process.getId()).timers()
                .activityId("BoundaryEvent_AcceptSlaBreached").singleResult();
    }

    private List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(g -> g != null).toList();
    }

    private List<String> mails(NotificationKind kind) {
        return notifications.forLead(lastLead).stream().filter(n -> n.kind() == kind).map(Notification::recipient)
                .toList();
    }

    private LeadEvent event(LeadEventType type) {
        return events.timeline(lastLead).stream().filter(e -> e.type() == type).reduce((a, b) -> b).orElseThrow();
    }
}
