package io.leadbridge.standing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/partners/{id}/standing} and {@code /reinstate} over HTTP, as a rep or a channel manager calls them. */
@LeadbridgeTest
class PartnerStandingApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired PartnerStrikes strikes;
    @Autowired TaskService tasks;
    @Autowired NotificationRepository notifications;

    private String partner;
    private ApiClient carol;
    private ApiClient rep;
    private ApiClient otherRep;

    @BeforeEach
    void partnersAndUsers() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        String other = fixtures.partner("beta", PartnerTier.GOLD, "US");
        otherRep = ApiClient.as(port, fixtures.rep(other), LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aNewPartnerIsInGoodStandingSinceItWasCreated() {
        Response response = carol.get("/api/partners/" + partner + "/standing");

        assertThat(response.status()).isEqualTo(200);
        JsonNode standing = response.json();
        assertThat(standing.path("standing").asText()).isEqualTo("GOOD");
        assertThat(standing.path("since").asText())
                .isEqualTo(carol.get("/api/partners/" + partner).json().path("createdAt").asText());
        assertThat(standing.path("warnings").asInt()).isZero();
        assertThat(standing.path("suspensions").asInt()).isZero();
        assertThat(standing.path("strikes30").asInt()).isZero();
        assertThat(standing.path("underReview").asBoolean()).isFalse();
        assertThat(standing.path("recentStrikes")).isEmpty();
        assertThat(standing.path("history")).isEmpty();
        assertThat(carol.get("/api/partners/" + partner).json().path("standing").asText()).isEqualTo("GOOD");
    }

    @Test
    void aRepSeesItsOwnPartnersStrikesAndHistoryButNotAnotherPartners() {
        suspend(partner);

        Response own = rep.get("/api/partners/" + partner + "/standing");

        assertThat(own.status()).isEqualTo(200);
        JsonNode standing = own.json();
        assertThat(standing.path("standing").asText()).isEqualTo("SUSPENDED");
        assertThat(standing.path("warnings").asInt()).isEqualTo(3);
        assertThat(standing.path("suspensions").asInt()).isEqualTo(1);
        assertThat(standing.path("strikes30").asInt()).isEqualTo(5);
        assertThat(standing.path("strikes90").asInt()).isEqualTo(5);
        assertThat(standing.path("underReview").asBoolean()).isTrue();
        assertThat(standing.path("recentStrikes")).hasSize(5);
        assertThat(standing.path("recentStrikes").get(0).path("kind").asText()).isEqualTo("ACCEPT_SLA_MISSED");
        assertThat(texts(standing.path("history"), "standing"))
                .containsExactly("SUSPENDED", "WARNED", "WARNED", "WARNED");
        assertThat(rep.get("/api/partners/" + partner).json().path("standing").asText()).isEqualTo("SUSPENDED");

        assertThat(otherRep.get("/api/partners/" + partner + "/standing").status()).isEqualTo(403);
        assertThat(carol.get("/api/partners/no-such-partner/standing").status()).isEqualTo(404);
    }

    @Test
    void aChannelManagerReinstatesASuspendedPartnerWithANoteAndClosesItsReview() {
        suspend(partner);

        assertThat(rep.post("/api/partners/" + partner + "/reinstate", Map.of("note", "we improved")).status())
                .isEqualTo(403);
        Response withoutNote = carol.post("/api/partners/" + partner + "/reinstate", Map.of());
        assertThat(withoutNote.status()).isEqualTo(400);
        assertThat(withoutNote.json().path("errors").get(0).path("field").asText()).isEqualTo("note");
        assertThat(carol.post("/api/partners/" + partner + "/reinstate", Map.of("note", " ")).status()).isEqualTo(400);
        assertThat(review(partner)).as("a refused call changes nothing").isNotNull();

        Response reinstated = carol.post("/api/partners/" + partner + "/reinstate",
                Map.of("note", "spoke to their manager; two new reps"));
        engine.runDueJobs();

        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(reinstated.json().path("standing").asText()).isEqualTo("GOOD");
        assertThat(reinstated.json().path("underReview").asBoolean()).isFalse();
        JsonNode latest = reinstated.json().path("history").get(0);
        assertThat(latest.path("standing").asText()).isEqualTo("GOOD");
        assertThat(latest.path("actor").asText()).isEqualTo("carol");
        assertThat(latest.path("note").asText()).isEqualTo("spoke to their manager; two new reps");
        assertThat(review(partner)).as("the review task is completed").isNull();
        assertThat(notifications.forPartner(partner)).anyMatch(n -> n.kind() == NotificationKind.PARTNER_REINSTATED);

        assertThat(carol.post("/api/partners/" + partner + "/reinstate", Map.of("note", "again")).status())
                .as("not suspended any more").isEqualTo(409);
    }

    @Test
    void aPartnerKeptSuspendedCanStillBeReinstatedLater() {
        suspend(partner);
        Task review = review(partner);
        tasks.claim(review.getId(), "carol");
        tasks.complete(review.getId(), Map.of("reviewDecision", "KEEP_SUSPENDED", "reviewNote", "wait a month"));

        Response reinstated = carol.post("/api/partners/" + partner + "/reinstate", Map.of("note", "a month later"));
        engine.runDueJobs();

        assertThat(reinstated.status()).isEqualTo(200);
        assertThat(texts(reinstated.json().path("history"), "standing")).startsWith("GOOD", "SUSPENDED", "SUSPENDED");
        assertThat(texts(reinstated.json().path("history"), "note")).startsWith("a month later",
                "kept suspended: wait a month");
        assertThat(notifications.forPartner(partner)).filteredOn(n -> n.kind() == NotificationKind.PARTNER_REINSTATED)
                .as("delivered by the standing process").hasSize(1)
                .allMatch(n -> n.sentAt() != null);
    }

    @Test
    void onlyASuspendedPartnerCanBeReinstated() {
        assertThat(carol.post("/api/partners/" + partner + "/reinstate", Map.of("note", "why not")).status())
                .isEqualTo(409);
        assertThat(carol.post("/api/partners/no-such-partner/reinstate", Map.of("note", "why not")).status())
                .isEqualTo(404);
    }

    private void suspend(String partnerId) {
        for (int i = 0; i < 5; i++) {
            strikes.record(partnerId, null, StrikeKind.ACCEPT_SLA_MISSED, "not accepted within the accept SLA");
            engine.runDueJobs();
        }
    }

    private Task review(String partnerId) {
        return tasks.createTaskQuery().processDefinitionKey("partnerStanding").processInstanceBusinessKey(partnerId)
                .singleResult();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText()));
        return values;
    }
}
