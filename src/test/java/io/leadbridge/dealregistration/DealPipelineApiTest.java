package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.body;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/deals/{id}/updates} for the deal pipeline over HTTP: the registering partner moves
 * the stage and amount and closes the deal won; another partner, a channel manager and nobody
 * cannot; hostile and incomplete reports get a 400 naming the field, never a 500.
 */
@LeadbridgeTest
class DealPipelineApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

    private ApiClient carol;
    private ApiClient alphaRep;
    private ApiClient betaRep;

    @BeforeEach
    void partners() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        alphaRep = ApiClient.as(port, fixtures.rep(alpha), LeadFixtures.PASSWORD);
        String beta = fixtures.partner("beta", PartnerTier.SILVER, "DE");
        betaRep = ApiClient.as(port, fixtures.rep(beta), LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theRegisteringPartnerMovesTheDealThroughTheStagesAndWinsIt() {
        long id = approvedDeal();

        ApiClient.Response moved = alphaRep.post(updates(id), Map.of("action", "UPDATE", "stage", "PROPOSAL",
                "amount", 125000, "expectedCloseDate", LocalDate.now().plusMonths(4).toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("pipeline").path("stage").asText()).isEqualTo("PROPOSAL");
        assertThat(moved.json().path("amount").decimalValue()).isEqualByComparingTo("125000");
        assertThat(moved.json().path("pipeline").path("registeredAmount").decimalValue())
                .isEqualByComparingTo("100000");

        ApiClient.Response won = alphaRep.post(updates(id), Map.of("action", "WON", "amount", 118000.5,
                "note", "signed"));
        assertThat(won.status()).as(won.toString()).isEqualTo(200);
        JsonNode deal = won.json();
        assertThat(deal.path("status").asText()).isEqualTo("WON");
        assertThat(deal.path("pipeline").path("finalAmount").decimalValue()).isEqualByComparingTo("118000.50");
        assertThat(deal.path("pipeline").path("closedAt").asText()).isNotBlank();

        ApiClient.Response again = alphaRep.post(updates(id), Map.of("note", "after the win"));
        assertThat(again.status()).as("a won deal takes no more reports").isEqualTo(409);
        assertThat(alphaRep.get("/api/deals?status=WON").json().findValuesAsText("id")).contains(Long.toString(id));
    }

    @Test
    void anotherPartnerAChannelManagerAndNobodyCannotReport() {
        long id = approvedDeal();
        Map<String, Object> lost = Map.of("action", "LOST", "lostReason", "NO_BUDGET");

        assertThat(betaRep.post(updates(id), lost).status()).as("another partner's deal is not found").isEqualTo(404);
        assertThat(carol.post(updates(id), lost).status()).isEqualTo(403);
        assertThat(ApiClient.anonymous(port).post(updates(id), lost).status()).isEqualTo(401);
        assertThat(alphaRep.get("/api/deals/" + id).json().path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void hostileAndIncompleteReportsAreRefusedNamingTheField() {
        long id = approvedDeal();

        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "LOST")))).containsExactly("lostReason");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "WON")))).containsExactly("amount");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "CONVERT", "note", "x"))))
                .containsExactly("action");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "UPDATE", "amount", -5))))
                .containsExactly("amount");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "UPDATE", "amount", 1.001))))
                .containsExactly("amount");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "UPDATE", "expectedCloseDate", "2001-01-01"))))
                .containsExactly("expectedCloseDate");
        assertThat(fields(alphaRep.post(updates(id), Map.of("action", "UPDATE")))).containsExactly("stage");
        assertThat(fields(alphaRep.post(updates(id), Map.of("note", "x".repeat(2001))))).containsExactly("note");

        ApiClient.Response badStage = alphaRep.post(updates(id), Map.of("action", "UPDATE", "stage", "SOLD"));
        assertThat(badStage.status()).as(badStage.toString()).isEqualTo(400);
        assertThat(badStage.body()).contains("stage");
        ApiClient.Response badReason = alphaRep.post(updates(id), Map.of("action", "LOST", "lostReason",
                "<script>"));
        assertThat(badReason.status()).as(badReason.toString()).isEqualTo(400);
        assertThat(badReason.body()).contains("lostReason");
        ApiClient.Response wrongType = alphaRep.post(updates(id), Map.of("action", "WON", "amount", "lots"));
        assertThat(wrongType.status()).as(wrongType.toString()).isEqualTo(400);
        assertThat(alphaRep.get("/api/deals/" + id).json().path("status").asText()).as("nothing recorded")
                .isEqualTo("APPROVED");
    }

    private long approvedDeal() {
        ApiClient.Response created = alphaRep.post("/api/deals", body(newDomain(), "Cloud Platform", 100000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asText()).isEqualTo("APPROVED");
        return created.json().path("id").asLong();
    }

    private static String updates(long id) {
        return "/api/deals/" + id + "/updates";
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
