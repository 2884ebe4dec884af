package io.leadbridge.reporting;

import static io.leadbridge.reporting.ReportAssertions.assertDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The reports read what the lead lifecycle really writes, not only what {@link ReportFixture}
 * imitates: a lead received, offered, accepted, contacted, made an opportunity and won through the process and the
 * API, in June 2004, a month of its own.
 */
@LeadbridgeTest
class ReportsFollowTheLifecycleTest {

    private static final Instant RECEIVED = Instant.parse("2004-06-01T08:00:00Z");
    private static final String PERIOD = "from=2004-06-01&to=2004-06-30";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void leaveNoTimersBehind() {
        engine.resetClock();
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aLeadWonThroughTheProcessCountsInEveryReport() {
        String partner = fixtures.partner("delta", PartnerTier.GOLD, "US");
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(partner);

        engine.passTime(Duration.ofHours(2));
        assertThat(rep.post("/api/leads/" + lead + "/accept", Map.of()).status()).isEqualTo(200);
        engine.runDueJobs();
        engine.passTime(Duration.ofHours(3));
        assertThat(rep.post("/api/leads/" + lead + "/contact", Map.of("outcome", "CONTACTED")).status()).isEqualTo(200);
        engine.runDueJobs();
        engine.passTime(Duration.ofHours(10));
        assertThat(rep.post("/api/leads/" + lead + "/opportunity", Map.of("amount", 40000, "currency", "EUR",
                "expectedCloseDate", "2031-12-31")).status()).isEqualTo(201);
        engine.passTime(Duration.ofHours(10));
        assertThat(rep.post("/api/leads/" + lead + "/close", Map.of("outcome", "WON", "amount", 38000)).status())
                .isEqualTo(200);
        engine.runDueJobs();

        JsonNode funnel = rep.get("/api/reports/funnel?" + PERIOD).json();
        List<Long> steps = new ArrayList<>();
        funnel.path("steps").forEach(s -> steps.add(s.path("leads").asLong()));
        assertThat(steps).containsExactly(1L, 1L, 1L, 1L, 1L, 1L, 1L);

        JsonNode sla = rep.get("/api/reports/sla?" + PERIOD).json().path("total");
        assertThat(sla.path("offers").asLong()).isEqualTo(1);
        assertThat(sla.path("acceptedInTime").asLong()).isEqualTo(1);
        assertThat(sla.path("contactedInTime").asLong()).isEqualTo(1);
        assertThat(sla.path("withdrawals").asLong()).isZero();
        assertDecimal(sla.path("hoursToAccept").path("median"), "2.00");
        assertDecimal(sla.path("hoursToFirstContact").path("median"), "3.00");
        assertDecimal(sla.path("hoursToClose").path("median"), "23.00");

        JsonNode pipeline = rep.get("/api/reports/pipeline?" + PERIOD).json().path("total");
        assertThat(pipeline.path("statuses").get(0).path("status").asText()).isEqualTo("WON");

        JsonNode campaign = rep.get("/api/reports/campaigns?" + PERIOD).json().path("campaigns").get(0);
        assertThat(campaign.path("campaign").asText()).isEqualTo("autumn-launch");
        assertThat(campaign.path("followedUp").asLong()).isEqualTo(1);
        assertThat(campaign.path("won").asLong()).isEqualTo(1);
        assertThat(campaign.path("currency").asText()).isEqualTo("EUR");
        assertDecimal(campaign.path("wonValue"), "38000.00");
        assertDecimal(campaign.path("hoursToClose").path("median"), "25.00");
    }
}
