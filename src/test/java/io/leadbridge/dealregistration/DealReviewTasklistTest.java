package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.body;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static io.leadbridge.support.TaskAnswers.value;
import static io.leadbridge.support.TaskAnswers.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The review of a deal registration as Tasklist and {@code /engine-rest} reach it: the channel
 * managers' filter and form, answers the form does not allow refused, the partner kept out, and
 * the escalated review answered by a channel director.
 */
@LeadbridgeTest
class DealReviewTasklistTest {

    private static final String TASKS = "/engine-rest/task?processDefinitionKey=dealRegistration";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired DealRegistrations registrations;

    private ApiClient carol;
    private ApiClient dora;
    private ApiClient rep;
    private long dealId;

    @BeforeEach
    void aRegistrationInReview() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("dora", "Dora", "Director", "dora@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_DIRECTORS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        dora = ApiClient.as(port, "dora", LeadFixtures.PASSWORD);
        String silver = fixtures.partner("silver", PartnerTier.SILVER, "US");
        rep = ApiClient.as(port, fixtures.rep(silver), LeadFixtures.PASSWORD);
        JsonNode deal = rep.post("/api/deals", body(newDomain(), "Security", 100000)).json();
        assertThat(deal.path("status").asText()).isEqualTo("IN_REVIEW");
        dealId = deal.path("id").asLong();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aChannelManagerFindsTheReviewAndItsFormAndTheFormsRulesHold() {
        assertThat(carol.get("/engine-rest/filter").json()).extracting(f -> f.path("name").asText())
                .contains("Deal registrations to review");
        JsonNode tasks = carol.get(TASKS).json();
        assertThat(tasks).hasSize(1);
        String taskId = tasks.get(0).path("id").asText();
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Review deal registration");
        assertThat(carol.get("/engine-rest/task/" + taskId + "/deployed-form").json().path("id").asText())
                .isEqualTo("reviewDealRegistrationForm");
        assertThat(rep.get(TASKS).json()).as("not in the partner's Tasklist").isEmpty();
        assertThat(rep.post("/engine-rest/task/" + taskId + "/complete", variables("reviewDecision",
                value("APPROVE"))).status()).isIn(403, 404);

        ApiClient.Response sneaky = carol.post("/engine-rest/task/" + taskId + "/complete", variables(
                "reviewDecision", value("APPROVE"), "protectionPeriod", value("P3650D")));
        assertThat(sneaky.status()).as(sneaky.body()).isEqualTo(400);
        assertThat(sneaky.body()).contains("protectionPeriod");
        assertThat(registrations.get(dealId).status()).as("nothing changed").isEqualTo(DealStatus.IN_REVIEW);

        ApiClient.Response approved = carol.post("/engine-rest/task/" + taskId + "/complete", variables(
                "reviewDecision", value("APPROVE")));
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        DealRegistration deal = registrations.get(dealId);
        assertThat(deal.status()).isEqualTo(DealStatus.APPROVED);
        assertThat(deal.decidedBy()).isEqualTo("carol");
        assertThat(deal.protectedUntil()).isEqualTo(deal.decidedAt().plus(Duration.ofDays(60)));
    }

    @Test
    void aChannelDirectorAnswersTheEscalatedReview() {
        engine.passTime(Duration.ofDays(3).plusMinutes(1));

        JsonNode tasks = dora.get(TASKS).json();
        assertThat(tasks).hasSize(1);
        ApiClient.Response rejected = dora.post("/engine-rest/task/" + tasks.get(0).path("id").asText()
                + "/complete", variables("reviewDecision", value("REJECT"), "reviewReason",
                value("the customer buys through its framework contract with us")));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(204);
        engine.runDueJobs();
        DealRegistration deal = registrations.get(dealId);
        assertThat(deal.status()).isEqualTo(DealStatus.REJECTED);
        assertThat(deal.decidedBy()).isEqualTo("dora");
        assertThat(rep.get("/api/deals/" + dealId).json().path("reason").asText())
                .isEqualTo("the customer buys through its framework contract with us");
    }
}
