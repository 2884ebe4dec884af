package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/leads/{id}/reassign-rep} over HTTP: a partner's lead manager moves an offer or an
 * accepted lead to another of its reps with a note, on the timeline; nobody else may; and
 * {@code GET /api/leads/{id}/routing} explains every hand-over inside the partner.
 */
@LeadbridgeTest
class RepReassignApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired PartnerPeople people;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;
    @Autowired LeadEventLog events;
    @Autowired NotificationRepository notifications;

    private String partner;
    private String manager;
    private String anna;
    private String bert;
    private long leadId;

    @BeforeEach
    void anOfferHeldByAnna() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        manager = people.person(partner, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(partner, "a-anna");
        bert = people.repInTheUs(partner, "b-bert");
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(offerTask().getAssignee()).isEqualTo(anna);
    }

    @Test
    void aLeadManagerGivesAnOfferToAnotherRepWithANoteOnTheTimeline() {
        Response moved = as(manager).post(path(), Map.of("rep", bert, "note", "Bert knows the account"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(offerTask().getAssignee()).isEqualTo(bert);
        assertThat(fixtures.lead(leadId).repUsername()).isEqualTo(bert);
        LeadEvent event = events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.OFFER_MOVED)
                .findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo(manager);
        assertThat(event.detail()).contains("rep " + bert).contains("Bert knows the account");
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.OFFER_MOVED
                && n.recipient().equals(bert + "@partner.example"));

        JsonNode inside = as(manager).get("/api/leads/" + leadId + "/routing").json().path("insidePartner");
        assertThat(inside).hasSize(2);
        assertThat(inside.get(0).path("method").asText()).isEqualTo("ROTATION");
        assertThat(inside.get(0).path("endReason").asText()).isEqualTo("MOVED_BY_MANAGER");
        assertThat(inside.get(0).path("candidates").asText()).contains(anna + ": matches");
        assertThat(inside.get(1).path("method").asText()).isEqualTo("REASSIGNED");
        JsonNode asRep = as(bert).get("/api/leads/" + leadId + "/routing").json().path("insidePartner");
        assertThat(asRep.get(0).path("reason").asText()).contains("rotation");
        assertThat(asRep.get(0).path("candidates").asText(null)).as("the candidates are the managers'").isNull();
        JsonNode asVendor = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD)
                .get("/api/leads/" + leadId + "/routing").json();
        assertThat(asVendor.path("insidePartner")).hasSize(2);
    }

    @Test
    void aLeadManagerGivesAnAcceptedLeadToAnotherRep() {
        assertThat(as(anna).post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);

        Response moved = as(manager).post(path(), Map.of("rep", bert, "note", "Anna is on leave"));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        Task contact = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_ContactProspect").singleResult();
        assertThat(contact.getAssignee()).isEqualTo(bert);
        assertThat(fixtures.lead(leadId).repUsername()).isEqualTo(bert);
        assertThat(events.timeline(leadId)).anyMatch(e -> e.type() == LeadEventType.REP_REASSIGNED
                && e.detail().equals("from " + anna + " to " + bert + ": Anna is on leave"));
        Response contacted = as(bert).post("/api/leads/" + leadId + "/contact", Map.of("outcome", "CONTACTED",
                "note", "called"));
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
    }

    @Test
    void aLeadManagerGivingTheOfferToAnotherRepInTasklistIsRecordedAsAMove() {
        Response assigned = as(manager).post("/engine-rest/task/" + offerTask().getId() + "/assignee",
                Map.of("userId", bert));

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
        assertThat(fixtures.lead(leadId).repUsername()).isEqualTo(bert);
        LeadEvent event = events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.OFFER_MOVED)
                .findFirst().orElseThrow();
        assertThat(event.actor()).isEqualTo(manager);
        assertThat(event.detail()).contains("rep " + bert).contains("assigned in Tasklist");
        assertThat(notifications.forLead(leadId)).anyMatch(n -> n.kind() == NotificationKind.OFFER_MOVED
                && n.recipient().equals(bert + "@partner.example"));
        JsonNode inside = as(manager).get("/api/leads/" + leadId + "/routing").json().path("insidePartner");
        assertThat(inside).hasSize(2);
        assertThat(inside.get(1).path("method").asText()).isEqualTo("REASSIGNED");
        assertThat(inside.get(1).path("repUsername").asText()).isEqualTo(bert);

        Response again = as(manager).post("/engine-rest/task/" + offerTask().getId() + "/assignee",
                Map.of("userId", bert));
        assertThat(again.status()).isEqualTo(204);
        assertThat(events.count(leadId, LeadEventType.OFFER_MOVED)).as("the same rep again is no move").isEqualTo(1);
    }

    @Test
    void anAcceptedLeadsTaskGivenToAColleagueInTasklistMovesTheLeadOnceAndItsNextTasksFollow() {
        assertThat(as(anna).post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);
        Task contact = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_ContactProspect").singleResult();

        Response assigned = as(manager).post("/engine-rest/task/" + contact.getId() + "/assignee",
                Map.of("userId", bert));

        assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
        assertThat(fixtures.lead(leadId).repUsername()).isEqualTo(bert);
        assertThat(events.timeline(leadId)).filteredOn(e -> e.type() == LeadEventType.REP_REASSIGNED)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(manager);
                    assertThat(e.detail()).isEqualTo("from " + anna + " to " + bert + ": assigned in Tasklist");
                });
        Response contacted = as(bert).post("/api/leads/" + leadId + "/contact", Map.of("outcome", "CONTACTED",
                "note", "called"));
        assertThat(contacted.status()).as(contacted.body()).isEqualTo(200);
        engine.runDueJobs();
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId)).active().list())
                .as("the next steps are bert's").allMatch(t -> bert.equals(t.getAssignee()) || t.getAssignee() == null);
    }

    @Test
    void theReassignmentApiRecordsItsMoveOnceThoughItSetsTheTasksAssignee() {
        assertThat(as(anna).post("/api/leads/" + leadId + "/accept", Map.of()).status()).isEqualTo(200);

        assertThat(as(manager).post(path(), Map.of("rep", bert, "note", "Anna is on leave")).status()).isEqualTo(200);

        assertThat(events.count(leadId, LeadEventType.REP_REASSIGNED)).isEqualTo(1);
    }

    @Test
    void repsOtherPartnersAndAnonymousCallersMoveNothing() {
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        String theirManager = people.person(theirs, "mgr", PartnerRole.LEAD_MANAGER);
        String theirRep = people.person(theirs, "rep", PartnerRole.REP);
        Map<String, String> body = Map.of("rep", bert, "note", "mine now");

        assertThat(as(anna).post(path(), body).status()).isEqualTo(403);
        assertThat(as(theirManager).post(path(), body).status()).isEqualTo(403);
        assertThat(as(theirManager).post(path(), Map.of("rep", theirRep, "note", "mine now")).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).post(path(), body).status()).isEqualTo(401);
        assertRefused(Map.of("rep", theirRep, "note", "to a stranger"), "rep");
        assertRefused(Map.of("rep", bert), "note");
        assertRefused(Map.of("rep", bert, "note", "bad\u0000note"), "note");
        assertRefused(Map.of("rep", 5, "note", "a number"), "rep");
        assertRefused(Map.of("rep", bert, "note", "x".repeat(1001)), "note");
        assertThat(as(manager).post("/api/leads/999999/reassign-rep", body).status()).isEqualTo(404);

        assertThat(offerTask().getAssignee()).as("nothing moved").isEqualTo(anna);
        assertThat(events.count(leadId, LeadEventType.OFFER_MOVED)).isZero();
    }

    private void assertRefused(Map<String, ?> body, String field) {
        Response refused = as(manager).post(path(), body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains(field).doesNotContain("Exception");
    }

    private Task offerTask() {
        return tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").singleResult();
    }

    private String path() {
        return "/api/leads/" + leadId + "/reassign-rep";
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }
}
