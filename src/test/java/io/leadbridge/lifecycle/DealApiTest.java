package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The closed loop over HTTP: {@code POST/PATCH/GET /api/leads/{id}/opportunity}, {@code POST
 * /api/leads/{id}/close} and a partner CRM's {@code PUT /api/leads/{id}/status}, with the refusals
 * a CRM developer needs to fix a call (400 naming the field, 409 naming what is allowed).
 */
@LeadbridgeTest
class DealApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

    private ApiClient carol;
    private ApiClient rep;
    private ApiClient otherRep;
    private String partner;
    private long leadId;

    @BeforeEach
    void anAcceptedLead() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        String other = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        otherRep = ApiClient.as(port, fixtures.rep(other), LeadFixtures.PASSWORD);
        leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(rep.post(path("/accept"), "{}").status()).isEqualTo(200);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theRepConvertsChangesAndClosesTheOpportunityAndTheVendorSeesEveryStep() {
        Response tooEarly = rep.patch(path("/opportunity"), Map.of("stage", "PROPOSAL"));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().path("detail").asText()).contains("report first contact first");

        // Converting an accepted lead reports first contact on the way.
        Response created = rep.post(path("/opportunity"), opportunity());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/leads/" + leadId + "/opportunity");
        assertThat(created.json().path("status").asText()).isEqualTo("OPPORTUNITY");
        for (ApiClient reader : List.of(rep, carol)) {
            JsonNode stored = reader.get(path("/opportunity")).json();
            assertThat(stored.path("stage").asText()).isEqualTo("QUALIFICATION");
            assertThat(stored.path("amount").decimalValue()).isEqualByComparingTo("48000");
            assertThat(stored.path("currency").asText()).isEqualTo("USD");
            assertThat(stored.path("expectedCloseDate").asText()).isEqualTo(today().plusDays(45).toString());
            assertThat(stored.path("products").get(0).asText()).isEqualTo("Cloud Platform");
        }
        assertThat(otherRep.get(path("/opportunity")).status()).isEqualTo(403);
        JsonNode deal = carol.get(path("")).json().path("deal");
        assertThat(deal.path("opportunity").path("stage").asText()).isEqualTo("QUALIFICATION");
        assertThat(deal.path("missedStatusUpdates").asInt()).isZero();
        assertThat(deal.path("stale").asBoolean()).isFalse();
        assertThat(deal.path("lastStatusUpdateAt").asText()).isNotBlank();
        assertThat(rep.post(path("/opportunity"), opportunity()).json().path("detail").asText())
                .contains("already an opportunity");

        Response moved = rep.patch(path("/opportunity"), Map.of("stage", "PROPOSAL", "amount", 52000,
                "note", "proposal sent"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        Response skippedBack = rep.patch(path("/opportunity"), Map.of("stage", "NEGOTIATION"));
        assertThat(skippedBack.status()).isEqualTo(200);
        Response backTwo = rep.patch(path("/opportunity"), Map.of("stage", "QUALIFICATION"));
        assertThat(backTwo.status()).isEqualTo(409);
        assertThat(backTwo.json().path("detail").asText())
                .contains("cannot move from NEGOTIATION to QUALIFICATION").contains("allowed: [PROPOSAL]");
        Response badStage = rep.patch(path("/opportunity"), Map.of("stage", "SIGNED"));
        assertThat(badStage.status()).isEqualTo(400);
        assertThat(badStage.json().path("errors").get(0).path("field").asText()).isEqualTo("stage");
        Response nothing = rep.patch(path("/opportunity"), Map.of());
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.json().path("detail").asText()).contains("nothing to update");

        Response noValue = rep.post(path("/close"), Map.of("outcome", "WON"));
        assertThat(noValue.status()).isEqualTo(400);
        assertThat(noValue.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        Response won = rep.post(path("/close"), Map.of("outcome", "WON", "amount", 51000, "note", "signed"));
        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        assertThat(won.json().path("status").asText()).isEqualTo("WON");
        assertThat(carol.get(path("/opportunity")).json().path("finalAmount").decimalValue())
                .isEqualByComparingTo("51000");
        assertThat(types(carol.get(path("")).json())).containsSubsequence("CONTACTED", "OPPORTUNITY_CREATED",
                "OPPORTUNITY_UPDATED", "OPPORTUNITY_UPDATED", "WON");

        Response again = rep.post(path("/close"), Map.of("outcome", "LOST", "reason", "OTHER"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void badDetailsAreRefusedNamingTheApiFieldsAndNothingIsWritten() {
        rep.post(path("/contact"), Map.of("outcome", "CONTACTED"));
        Map<String, Object> bad = new HashMap<>();
        bad.put("amount", -5);
        bad.put("currency", "EURO");
        bad.put("expectedCloseDate", today().minusDays(2).toString());

        Response refused = rep.post(path("/opportunity"), bad);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).containsExactlyInAnyOrder("amount", "currency", "expectedCloseDate");
        assertThat(carol.get(path("/opportunity")).status()).isEqualTo(404);
        assertThat(carol.get(path("")).json().path("status").asText()).isEqualTo("CONTACTED");

        Response lost = rep.post(path("/close"), Map.of("outcome", "LOST", "reason", "they were rude"));
        assertThat(lost.status()).isEqualTo(400);
        assertThat(fields(lost)).containsExactly("reason");
        assertThat(lost.json().path("detail").asText()).contains("CHOSE_COMPETITOR");
        assertThat(rep.post(path("/close"), Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
        assertThat(otherRep.post(path("/close"), Map.of("outcome", "LOST", "reason", "OTHER")).status())
                .isEqualTo(403);
        assertThat(ApiClient.anonymous(port).post(path("/close"), Map.of("outcome", "LOST", "reason", "OTHER"))
                .status()).isEqualTo(401);
    }

    @Test
    void aCrmSyncsStatusForAnyRepOfItsPartnerUnderTheSameRules() {
        Response credential = carol.post("/api/partners/" + partner + "/credentials", Map.of("label", "Salesforce"));
        ApiClient crm = ApiClient.as(port, credential.json().path("clientId").asText(),
                credential.json().path("secret").asText());

        Response converted = crm.put(path("/status"), Map.of("status", "OPPORTUNITY", "amount", 30000,
                "currency", "EUR", "expectedCloseDate", today().plusDays(20).toString(), "stage", "PROPOSAL"));

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        assertThat(converted.json().path("status").asText()).isEqualTo("OPPORTUNITY");
        assertThat(types(converted.json())).containsSubsequence("ACCEPTED", "CONTACTED", "OPPORTUNITY_CREATED");

        Response same = crm.put(path("/status"), Map.of("status", "OPPORTUNITY"));
        assertThat(same.status()).isEqualTo(200);
        assertThat(lastEvent(same.json()).path("type").asText()).isEqualTo("STATUS_UPDATED");
        assertThat(lastEvent(same.json()).path("detail").asText()).contains("confirmed");

        Response moved = crm.put(path("/status"), Map.of("status", "OPPORTUNITY", "stage", "NEGOTIATION"));
        assertThat(lastEvent(moved.json()).path("type").asText()).isEqualTo("OPPORTUNITY_UPDATED");

        Response backwards = crm.put(path("/status"), Map.of("status", "CONTACTED"));
        assertThat(backwards.status()).isEqualTo(409);
        assertThat(backwards.json().path("detail").asText()).contains("allowed: [OPPORTUNITY, WON, LOST]");
        assertThat(crm.put(path("/status"), Map.of("status", "ARCHIVED")).status()).isEqualTo(400);

        Response lost = crm.put(path("/status"), Map.of("status", "LOST", "reason", "NO_DECISION",
                "note", "project frozen"));
        assertThat(lost.json().path("status").asText()).isEqualTo("LOST");
        assertThat(lost.json().path("outcomeReason").asText()).isEqualTo("NO_DECISION");
    }

    @Test
    void anUpdateFromAPartnerThatLostTheLeadIsRefusedAndRecorded() {
        rep.post(path("/contact"), Map.of("outcome", "CONTACTED"));
        rep.post(path("/opportunity"), opportunity());
        assertThat(carol.post(path("/withdraw"), Map.of("reason", "no news for weeks")).status()).isEqualTo(200);
        engine.runDueJobs();

        Response late = rep.patch(path("/opportunity"), Map.of("stage", "PROPOSAL"));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("was withdrawn from your partner at");
        assertThat(types(carol.get(path("")).json())).contains("LATE_UPDATE_REFUSED");
    }

    private Map<String, Object> opportunity() {
        return Map.of("amount", 48000, "currency", "USD", "expectedCloseDate", today().plusDays(45).toString(),
                "products", List.of("Cloud Platform", "Onboarding"));
    }

    private String path(String suffix) {
        return "/api/leads/" + leadId + suffix;
    }

    private static List<String> fields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static List<String> types(JsonNode lead) {
        List<String> types = new ArrayList<>();
        lead.path("events").forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static JsonNode lastEvent(JsonNode lead) {
        JsonNode events = lead.path("events");
        return events.get(events.size() - 1);
    }

    private static LocalDate today() {
        return ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
