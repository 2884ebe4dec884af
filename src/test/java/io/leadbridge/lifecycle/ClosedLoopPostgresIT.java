package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.reporting.ReportFacts;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import io.leadbridge.support.ReportFactsInStep;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After acceptance, on PostgreSQL and through HTTP only: a support request answered by a channel
 * manager, the opportunity with its money and dates, the status update cadence with its chase,
 * and the close.
 */
@PostgresTest
class ClosedLoopPostgresIT {

    @LocalServerPort int port;
    @Autowired EngineDriver engine;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired JdbcClient jdbc;
    @Autowired ReportFacts facts;

    private ApiClient admin;
    private ApiClient rep;
    private long id;

    @BeforeEach
    void anAcceptedLead() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        String partner = "loop-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.post("/api/partners", Map.of("id", partner, "name", "Loop", "tier", "GOLD", "capacity", 10,
                "countries", List.of("US"), "competencies", List.of("Cloud"), "managerEmail", "loop@partner.example"))
                .status()).isEqualTo(201);
        String username = "rep-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/partners/" + partner + "/reps", Map.of("username", username, "firstName", "Rae",
                "lastName", "Rep", "email", username + "@partner.example", "password", LeadFixtures.PASSWORD))
                .status()).isEqualTo(201);
        rep = ApiClient.as(port, username, LeadFixtures.PASSWORD);
        id = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD).post("/api/leads", fixtures.partnerLead("US"))
                .json().path("id").asLong();
        engine.runDueJobs();
        assertThat(rep.post("/api/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
    }

    @AfterEach
    void reportFactsFollowedEveryStep() {
        engine.resetClock();
        ReportFactsInStep.assertKeptInStep(jdbc, facts, List.of(id));
    }

    @Test
    void aSupportRequestIsAnsweredByAChannelManager() {
        var asked = rep.post("/api/leads/" + id + "/support-requests", Map.of("kind", "SPECIAL_PRICING",
                "discountPercent", 12.5, "justification", "competitor offers 15%"));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        JsonNode review = admin.get("/engine-rest/task?taskDefinitionKey=Task_ReviewSupportRequest").json().get(0);
        String taskId = review.path("id").asText();

        assertThat(admin.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "admin")).status())
                .isEqualTo(204);
        var answered = admin.post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "supportDecision", Map.of("value", "APPROVE"), "supportTerms", Map.of("value", "10% off list"))));
        assertThat(answered.status()).as(answered.body()).isEqualTo(204);
        engine.runDueJobs();

        JsonNode request = rep.get("/api/leads/" + id + "/support-requests").json().get(0);
        assertThat(request.path("status").asText()).isEqualTo("APPROVED");
        assertThat(request.path("discountPercent").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(request.path("terms").asText()).isEqualTo("10% off list");
        assertThat(request.path("answeredBy").asText()).isEqualTo("admin");
    }

    @Test
    void theOpportunityIsWorkedChasedAndWon() {
        LocalDate closeBy = ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate().plusDays(40);
        var created = rep.post("/api/leads/" + id + "/opportunity", Map.of("amount", new BigDecimal("123456.78"),
                "currency", "USD", "expectedCloseDate", closeBy.toString(), "products", List.of("Cloud Platform")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        engine.passTime(Duration.ofDays(7).plusMinutes(1));
        engine.passTime(Duration.ofDays(7));
        assertThat(admin.get("/engine-rest/task?taskDefinitionKey=Task_ChaseStatusUpdate&processInstanceBusinessKey="
                + id).json()).hasSize(1);
        assertThat(admin.get("/api/leads/" + id).json().path("deal").path("missedStatusUpdates").asInt()).isEqualTo(2);

        var won = rep.post("/api/leads/" + id + "/close", Map.of("outcome", "WON", "amount", 120000));
        assertThat(won.status()).as(won.body()).isEqualTo(200);

        var row = jdbc.sql("select stage, amount, final_amount, currency, expected_close_date from opportunity "
                + "where lead_id = :id").param("id", id).query().singleRow();
        assertThat(row.get("stage")).isEqualTo("WON");
        assertThat((BigDecimal) row.get("amount")).isEqualByComparingTo("123456.78");
        assertThat((BigDecimal) row.get("final_amount")).isEqualByComparingTo("120000");
        assertThat(row.get("currency")).isEqualTo("USD");
        assertThat(row.get("expected_close_date").toString()).isEqualTo(closeBy.toString());
        assertThat(admin.get("/engine-rest/task?processInstanceBusinessKey=" + id).json())
                .as("the chase ended with the deal").isEmpty();
    }
}
