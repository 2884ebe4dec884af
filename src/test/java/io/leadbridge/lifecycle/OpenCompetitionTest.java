package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Open competition: the eligibility table lets a hot small-business lead of an open account go to
 * three partners at once (grade A: accept SLA 4 hours). The first to accept wins, the others'
 * offers end at once and they are told; if nobody accepts in time, all offers are withdrawn.
 */
@LeadbridgeTest
class OpenCompetitionTest {

    private static final Duration HOT_LEAD_ACCEPT_SLA = Duration.ofHours(4);

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;
    @Autowired TaskService tasks;
    @Autowired io.leadbridge.partner.PartnerService partnerService;
    @Autowired PartnerPeople people;

    private final Map<String, String> reps = new HashMap<>();

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aHotSmallLeadGoesToThreePartnersAtOnceAndTheFirstToAcceptWins() {
        List<String> partners = partners(4);
        long leadId = received(hotSmallLead());

        Map<String, Task> offers = offersByPartner(leadId);
        assertThat(offers).hasSize(3);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(fixtures.lead(leadId).partnerId()).as("no single holder during the race").isNull();
        assertThat(events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.OFFERED))
                .hasSize(3).allMatch(e -> e.detail().contains("open competition among 3 partners"));
        List<String> racing = new ArrayList<>(offers.keySet());
        assertThat(partners).containsAll(racing);
        for (String partner : racing) {
            ApiClient rep = ApiClient.as(port, reps.get(partner), LeadFixtures.PASSWORD);
            assertThat(rep.get("/api/leads/" + leadId).status()).as("a competitor sees the lead").isEqualTo(200);
            assertThat(rep.get("/engine-rest/task").json()).as("and only its own offer").hasSize(1);
        }

        actions.declineOffer(leadId, "no capacity this month", rep(racing.get(0)));
        assertThat(offersByPartner(leadId)).as("the others may still accept").hasSize(2);
        actions.acceptOffer(leadId, rep(racing.get(1)));

        assertThat(fixtures.process(leadId)).hasPassed("Task_RecordAcceptance").isWaitingAt("Task_ContactProspect");
        assertThat(offersByPartner(leadId)).isEmpty();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(racing.get(1));
        LeadEvent lost = lastEvent(leadId, LeadEventType.WITHDRAWN);
        assertThat(lost.partnerId()).isEqualTo(racing.get(2));
        assertThat(lost.detail()).contains("another partner accepted the lead first");
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.LEAD_WITHDRAWN
                && n.partnerId().equals(racing.get(2)));
        assertThat(ApiClient.as(port, reps.get(racing.get(2)), LeadFixtures.PASSWORD).get("/api/leads/" + leadId)
                .status()).as("the losers lose access at once").isEqualTo(403);
    }

    @Test
    void eachCompetitorsOfferMailGoesToItsDispatchedRepOrItsLeadManagersLikeANormalOffer() {
        List<String> partners = partners(3);
        String withReps = partners.get(0);
        String byHand = partners.get(1);
        String plain = partners.get(2);
        String anna = people.repIn(withReps, "a-anna", "NL");
        String manager = people.person(byHand, "mgr", PartnerRole.LEAD_MANAGER);
        people.repIn(byHand, "b-bert", "NL");
        people.dispatchByHand(byHand);

        long leadId = received(hotSmallLead());

        assertThat(offersByPartner(leadId)).containsOnlyKeys(withReps, byHand, plain);
        assertThat(offerMailsTo(leadId, withReps)).as("the rep the rotation picked, and the partner's address")
                .containsExactlyInAnyOrder(anna + "@partner.example", "racer0@partner.example");
        assertThat(offerMailsTo(leadId, byHand)).as("dispatch by hand: its lead managers")
                .containsExactlyInAnyOrder(manager + "@partner.example", "racer1@partner.example");
        assertThat(offerMailsTo(leadId, plain)).as("no lead managers, no profiles: its team, as before")
                .containsExactlyInAnyOrder(reps.get(plain) + "@partner.example", "racer2@partner.example");
        assertThat(offersByPartner(leadId).get(withReps).getAssignee()).isEqualTo(anna);
        assertThat(events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.OFFERED
                && e.partnerId().equals(withReps))).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("to rep " + anna));
    }

    @Test
    void aCompetitorReadsNoOtherPartnersNameInWhatItsOfferShows() {
        List<String> partners = partners(4);
        long leadId = received(hotSmallLead());
        String decliner = offersByPartner(leadId).keySet().iterator().next();
        actions.declineOffer(leadId, "no capacity this month", rep(decliner));
        Map<String, Task> offers = offersByPartner(leadId);
        assertThat(offers).hasSize(2);

        for (Map.Entry<String, Task> offer : offers.entrySet()) {
            ApiClient rep = ApiClient.as(port, reps.get(offer.getKey()), LeadFixtures.PASSWORD);
            String task = "/engine-rest/task/" + offer.getValue().getId();
            String instance = offer.getValue().getProcessInstanceId();
            List<String> seen = new ArrayList<>();
            for (String path : List.of(task + "/variables", task + "/form-variables", task,
                    "/engine-rest/process-instance/" + instance + "/variables",
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    "/engine-rest/history/detail?processInstanceId=" + instance)) {
                ApiClient.Response response = rep.get(path);
                assertThat(response.status()).as(path).isIn(200, 403, 404);
                seen.add(response.body());
            }
            assertThat(seen.get(0)).as("the rep does see its own offer's variables").contains(offer.getKey());
            assertThat(String.join("\n", seen)).as("nor a rival's decline").doesNotContain("no capacity this month");
            for (String other : partners) {
                if (!other.equals(offer.getKey())) {
                    assertThat(String.join("\n", seen)).as(offer.getKey() + " reads nothing of " + other)
                            .doesNotContain(other).doesNotContain(other.substring(0, other.indexOf('-')) + " Inc.")
                            .doesNotContain(reps.get(other));
                }
            }
        }
    }

    @Test
    void whenNoCompetitorAcceptsInTimeAllOffersAreWithdrawnAndTheLeadGoesOnAsUsual() {
        List<String> partners = partners(4);
        long leadId = received(hotSmallLead());
        List<String> racing = new ArrayList<>(offersByPartner(leadId).keySet());

        engine.passTime(HOT_LEAD_ACCEPT_SLA.plusMinutes(1));

        assertThat(events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.WITHDRAWN)
                .map(LeadEvent::partnerId)).containsExactlyInAnyOrderElementsOf(racing);
        Map<String, Task> next = offersByPartner(leadId);
        String last = partners.stream().filter(p -> !racing.contains(p)).findFirst().orElseThrow();
        assertThat(next).as("the one partner left gets the next offer alone").containsOnlyKeys(last);
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(last);
        assertThat(fixtures.lead(leadId).attemptCount()).isEqualTo(2);
    }

    @Test
    void whenEveryCompetitorDeclinesTheLeadGoesToTheNextPartners() {
        partners(4);
        long leadId = received(hotSmallLead());
        List<String> racing = new ArrayList<>(offersByPartner(leadId).keySet());

        for (String partner : racing) {
            actions.declineOffer(leadId, "not our field", rep(partner));
        }
        engine.runDueJobs();

        assertThat(fixtures.process(leadId)).hasPassed("Task_RecordDecline");
        assertThat(offersByPartner(leadId)).hasSize(1).doesNotContainKeys(racing.toArray(String[]::new));
        assertThat(events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.DECLINED)).hasSize(3);
    }

    @Test
    void anOfferInARaceCountsAgainstEachCompetitorsCapacity() {
        for (int i = 0; i < 3; i++) {
            String id = "small" + i + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
            partnerService.create(new io.leadbridge.partner.PartnerRequest(id, "Small " + i, PartnerTier.SILVER, null,
                    1, null, Set.of("NL"), Set.of(), Set.of(), Set.of("Cloud"), Set.of(), Set.of()));
        }
        long first = received(hotSmallLead());
        assertThat(offersByPartner(first)).hasSize(3);

        long second = received(hotSmallLead());

        assertThat(fixtures.lead(second).status()).as("every competitor is at its capacity of 1")
                .isEqualTo(LeadStatus.UNASSIGNED);
    }

    @Test
    void aProtectedAccountIsNeverRaced() {
        fixtures.protectedPartner("northwind-systems", "nina");
        partners(3);
        LeadSubmission hot = hotSmallLead();
        LeadSubmission globex = new LeadSubmission(hot.externalId(), hot.source(), hot.campaign(), hot.product(),
                hot.score(), hot.contact(), new LeadSubmission.Account("Globex", "globex.com", null, "US", 20, null),
                null);

        long leadId = received(globex);

        assertThat(offersByPartner(leadId)).containsOnlyKeys("northwind-systems");
    }

    private List<String> partners(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = fixtures.partner("racer" + i, PartnerTier.SILVER, "NL", "US");
            reps.put(id, fixtures.rep(id));
            ids.add(id);
        }
        return ids;
    }

    private LeadSubmission hotSmallLead() {
        return fixtures.lead("NL", 88, 20, "Cloud Platform", "Retail");
    }

    private long received(LeadSubmission submission) {
        long leadId = fixtures.submit(submission);
        engine.runDueJobs();
        return leadId;
    }

    private Caller rep(String partnerId) {
        return new Caller(reps.get(partnerId), Set.of("partner-" + partnerId));
    }

    private Map<String, Task> offersByPartner(long leadId) {
        Map<String, Task> offers = new HashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                // The partner's group; its lead managers' group (partner-<id>-managers) is a candidate too.
                if (link.getGroupId() != null && link.getGroupId().startsWith("partner-")
                        && !link.getGroupId().endsWith("-managers")) {
                    offers.put(link.getGroupId().substring("partner-".length()), task);
                }
            }
        }
        return offers;
    }

    private List<String> offerMailsTo(long leadId, String partnerId) {
        return notifications.forLead(leadId).stream()
                .filter(n -> n.kind() == NotificationKind.LEAD_OFFERED && n.partnerId().equals(partnerId))
                .map(io.leadbridge.notification.Notification::recipient).toList();
    }

    private LeadEvent lastEvent(long leadId, LeadEventType type) {
        return events.timeline(leadId).stream().filter(e -> e.type() == type).reduce((a, b) -> b).orElseThrow();
    }
}
