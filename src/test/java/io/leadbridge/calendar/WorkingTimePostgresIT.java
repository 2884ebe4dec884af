package io.leadbridge.calendar;

import static io.leadbridge.rules.DecisionFilesTest.editCell;
import static io.leadbridge.rules.DecisionFilesTest.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Working calendars on PostgreSQL, through HTTP: a partner's calendar (its {@code time} columns)
 * and a closure are stored and read back, and a working-time offer counts with them.
 */
@PostgresTest
// A context of its own: the table deployed here must not change the SLAs other tests rely on.
@TestPropertySource(properties = "leadbridge.mail-from=working-time-postgres-it@leadbridge.local")
class WorkingTimePostgresIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired RepositoryService repository;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void anOfferOverAPartnersClosureIsDueAfterIt() {
        fixtures.isolateFromEarlierTests();
        String carol = "cm-" + Long.toString(System.nanoTime(), 36);
        access.provisionUser(carol, "Carol", "Test", null, LeadFixtures.PASSWORD, VendorGroups.CHANNEL_MANAGERS);
        ApiClient channelManager = ApiClient.as(port, carol, LeadFixtures.PASSWORD);
        repository.createDeployment().name("working time test").addString("sla-policy.dmn",
                editCell(editCell(editCell(table("sla-policy.dmn"), "LiteralExpression_MidMarket_AcceptReminder",
                        "\"PT4H\""), "LiteralExpression_MidMarket_AcceptSla", "\"PT8H\""),
                        "LiteralExpression_MidMarket_Clock", "\"working\"")).deploy();
        String partner = fixtures.partner("pg-ny", PartnerTier.GOLD, "US");
        ClockUtil.setCurrentTime(Date.from(at("2026-12-04T16:00")));

        Response set = channelManager.put("/api/partners/" + partner + "/calendar", Map.of("timeZone",
                "America/New_York", "country", "US", "region", "US-NY", "opens", "08:30", "closes", "17:30"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        Response closed = channelManager.post("/api/partners/" + partner + "/closures",
                Map.of("firstDay", "2026-12-07", "lastDay", "2026-12-08", "reason", "team offsite"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(201);

        Response calendar = channelManager.get("/api/partners/" + partner + "/calendar");
        assertThat(calendar.json().path("opens").asText()).isEqualTo("08:30:00");
        assertThat(calendar.json().path("closes").asText()).isEqualTo("17:30:00");
        assertThat(channelManager.get("/api/partners/" + partner + "/closures").json().get(0).path("firstDay")
                .asText()).isEqualTo("2026-12-07");

        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        // Friday 16:00-17:30 (1.5 h), closed Monday and Tuesday, Wednesday 08:30 + 6.5 h = 15:00.
        assertThat(fixtures.lead(lead).slaDueAt()).isEqualTo(at("2026-12-09T15:00"));
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}
