package io.leadbridge.accountview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadHistory;
import io.leadbridge.support.PostgresTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account search and view on PostgreSQL: {@code like ... escape}, {@code offset ... fetch next},
 * the partner's cut in SQL, and a won deal converted at its month's rate.
 */
@PostgresTest
class AccountsPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;

    @Test
    void findsAndShowsAnAccountPerRole() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Long> leads = new LinkedHashMap<>();
        LeadHistory history = new LeadHistory(jdbc, unique, leads, Instant.parse("2007-05-01T00:00:00Z"));
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "DE");
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        ApiClient betaRep = ApiClient.as(port, fixtures.rep(beta), LeadFixtures.PASSWORD);
        admin.put("/api/exchange-rates/GBP/2007-05", Map.of("rate", new BigDecimal("1.25")));
        long account = history.account("Initrode 100% " + unique, "GB", null, "Retail");
        long won = history.lead("I1", null, "Security Suite", "SMB", "PARTNER", "WON", alpha,
                Instant.parse("2007-05-02T09:00:00Z"), null, account);
        history.opportunity(won, alpha, "WON", "8000", "GBP", "8000", Instant.parse("2007-05-03T09:00:00Z"),
                Instant.parse("2007-05-20T09:00:00Z"), "Security Suite");
        history.lead("I2", null, "Networking", "SMB", "PARTNER", "ACCEPTED", beta,
                Instant.parse("2007-05-04T09:00:00Z"), null, account);

        JsonNode found = admin.get("/api/accounts?name=INITRODE%20100%25%20" + unique + "&country=gb&size=1").json();
        assertThat(found.path("total").asLong()).isEqualTo(1);
        assertThat(found.path("items").get(0).path("leads").asLong()).isEqualTo(2);
        assertThat(found.path("items").get(0).path("wonDeals").asLong()).isEqualTo(1);
        assertThat(admin.get("/api/accounts?name=initrode%20100%25%20" + unique + "&size=1&page=1").json()
                .path("items")).isEmpty();
        assertThat(admin.get("/api/accounts?name=initrode%20100_%20" + unique).json().path("total").asLong())
                .as("_ is a character, not a wildcard").isZero();

        JsonNode whole = admin.get("/api/accounts/" + account).json();
        assertThat(whole.path("leads")).hasSize(2);
        assertThat(whole.path("won").get(0).path("valueInReportingCurrency").decimalValue())
                .isEqualByComparingTo("10000.00");
        assertThat(whole.path("buyAgain").get(0).path("followOnProduct").asText()).isEqualTo("Security Suite");

        JsonNode forBeta = betaRep.get("/api/accounts/" + account).json();
        assertThat(forBeta.path("leads")).hasSize(1);
        assertThat(forBeta.path("won")).isEmpty();
        assertThat(betaRep.get("/api/accounts?name=initrode%20100%25%20" + unique).json().path("items").get(0)
                .path("leads").asLong()).isEqualTo(1);
    }
}
