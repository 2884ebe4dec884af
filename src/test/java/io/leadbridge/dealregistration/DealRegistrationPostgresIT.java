package io.leadbridge.dealregistration;

import static io.leadbridge.dealregistration.DealRegistrationFixtures.body;
import static io.leadbridge.dealregistration.DealRegistrationFixtures.newDomain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Deal registration on PostgreSQL through HTTP: a registration of several products is stored with
 * its products, a second partner's registration of one of them is rejected by the conflict check,
 * the first partner's update is taken, and a lead of that account and product goes to it.
 */
@PostgresTest
class DealRegistrationPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;

    @Test
    void registersChecksAndProtectsOnPostgres() {
        fixtures.isolateFromEarlierTests();
        String gold = fixtures.partner("pg-deal-gold", PartnerTier.GOLD, "US");
        ApiClient goldRep = ApiClient.as(port, fixtures.rep(gold), LeadFixtures.PASSWORD);
        String silver = fixtures.partner("pg-deal-silver", PartnerTier.SILVER, "US");
        ApiClient silverRep = ApiClient.as(port, fixtures.rep(silver), LeadFixtures.PASSWORD);
        String domain = newDomain();

        Map<String, Object> twoProducts = new HashMap<>(body(domain, "Cloud Platform", 120000.5));
        twoProducts.put("products", List.of("Cloud Platform", "Security", "Cloud Platform"));
        ApiClient.Response created = goldRep.post("/api/deals", twoProducts);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode deal = created.json();
        assertThat(deal.path("status").asText()).isEqualTo("APPROVED");
        assertThat(deal.path("products")).extracting(JsonNode::asText).containsExactly("Cloud Platform", "Security");
        assertThat(deal.path("amount").decimalValue()).isEqualByComparingTo("120000.50");
        engine.runDueJobs();

        JsonNode late = silverRep.post("/api/deals", body(domain, "Security", 1000)).json();
        assertThat(late.path("status").asText()).isEqualTo("REJECTED");
        assertThat(late.path("conflict").asText()).isEqualTo("PROTECTED_FOR_ANOTHER_PARTNER");

        long id = deal.path("id").asLong();
        ApiClient.Response update = goldRep.post("/api/deals/" + id + "/updates", Map.of("note", "pilot started"));
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        assertThat(goldRep.get("/api/deals").json()).extracting(d -> d.path("id").asLong()).containsExactly(id);

        var lead = fixtures.lead("US", 70, 250, "Security", "Retail");
        lead = new LeadSubmission(lead.externalId(), lead.source(), lead.campaign(), lead.product(), lead.score(),
                lead.contact(), new LeadSubmission.Account("Customer " + domain, domain, "Retail", "US", 250, null),
                lead.notes());
        long leadId = fixtures.submit(lead);
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(gold);
        assertThat(fixtures.lead(leadId).protectedAccount()).isTrue();

        // The deal pipeline and its report on PostgreSQL: a stage, the win, the converted figures.
        ApiClient.Response proposal = goldRep.post("/api/deals/" + id + "/updates",
                Map.of("action", "UPDATE", "stage", "PROPOSAL"));
        assertThat(proposal.json().path("pipeline").path("stage").asText()).as(proposal.toString())
                .isEqualTo("PROPOSAL");
        ApiClient.Response won = goldRep.post("/api/deals/" + id + "/updates",
                Map.of("action", "WON", "amount", 118000));
        assertThat(won.json().path("status").asText()).as(won.toString()).isEqualTo("WON");
        JsonNode report = goldRep.get("/api/reports/deals").json();
        assertThat(report.path("total").path("won").asInt()).isEqualTo(1);
        assertThat(report.path("total").path("amounts").path("won").path("value").decimalValue())
                .isEqualByComparingTo("118000");
        assertThat(report.path("sourced").path("partnerSourced").path("revenue").path("value").decimalValue())
                .isEqualByComparingTo("118000");
    }
}
