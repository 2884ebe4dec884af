package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.partner.PartnerRole;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.PartnerPeople;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lead managers' daily digest, driven by the engine clock: from 08:00 in the partner's time
 * zone (the vendor's UTC here), one mail per lead manager listing the partner's open offers oldest
 * first, then its accepted leads waiting for first contact; nothing for a partner without open
 * offers; once per partner and day, also when asked again or when the row is already there.
 */
@LeadbridgeTest
class ManagerDigestTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired PartnerPeople people;
    @Autowired ManagerDigest digest;
    @Autowired NotificationRepository notifications;
    @Autowired LeadActions actions;
    @Autowired JdbcClient jdbc;

    private String us;
    private String usManager;
    private String anna;
    private String bert;
    private String de;
    private String deManager;
    private String idle;

    @BeforeEach
    void twoPartnersWithLeadManagers() {
        fixtures.isolateFromEarlierTests();
        us = fixtures.partner("us", PartnerTier.GOLD, "US");
        usManager = people.person(us, "mgr", PartnerRole.LEAD_MANAGER);
        anna = people.repInTheUs(us, "a-anna");
        bert = people.repInTheUs(us, "b-bert");
        de = fixtures.partner("de", PartnerTier.GOLD, "DE");
        deManager = people.person(de, "mgr", PartnerRole.LEAD_MANAGER);
        people.repIn(de, "c-carl", "DE");
        idle = fixtures.partner("idle", PartnerTier.GOLD, "FR");
        people.person(idle, "mgr", PartnerRole.LEAD_MANAGER);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theManagersGetTheirPartnersOpenOffersOldestFirstThenTheLeadsToContactOncePerDay() {
        now("2026-12-07T06:00:00Z");
        long oldest = offered("US");
        now("2026-12-07T06:30:00Z");
        long younger = offered("US");
        now("2026-12-07T07:00:00Z");
        long accepted = offered("US");
        assertThat(fixtures.lead(oldest).repUsername()).isEqualTo(anna);
        assertThat(fixtures.lead(younger).repUsername()).isEqualTo(bert);
        actions.acceptOffer(accepted, new Caller(anna, Set.of("partner-" + us)));
        engine.runDueJobs();

        now("2026-12-07T07:59:00Z");
        digest.writeDue();
        assertThat(digests(us)).as("not before 08:00 in the partner's time zone").isEmpty();

        now("2026-12-07T08:05:00Z");
        digest.writeDue();

        assertThat(digests(us)).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo(usManager + "@partner.example");
            assertThat(mail.subject()).contains("2026-12-07").contains("2 waiting for acceptance");
            String body = mail.body();
            assertThat(body).containsSubsequence("Lead " + oldest + ":", "Rep: " + anna, "offered 2 h 5 min ago",
                    "accept by Tue 8 Dec 2026 06:00 UTC", "/camunda/app/tasklist/default/#/?task=",
                    "Lead " + younger + ":", "Rep: " + bert, "offered 1 h 35 min ago",
                    "Accepted, first contact not yet reported", "Lead " + accepted + ":", "Rep: " + anna,
                    "contact by");
        });
        assertThat(digests(de)).as("no open offers, no digest").isEmpty();
        assertThat(digests(idle)).isEmpty();

        now("2026-12-07T15:00:00Z");
        digest.writeDue();
        assertThat(digests(us)).as("once a day").hasSize(1);

        engine.passTimeWithoutJobs(java.time.Duration.ofHours(17));
        digest.writeDue();
        assertThat(digests(us)).as("the next day again").hasSize(2);
    }

    @Test
    void eachPartnersManagersReadOnlyTheirOwnPartnersLeads() {
        now("2026-12-07T06:00:00Z");
        long usLead = offered("US");
        long deLead = offered("DE");
        now("2026-12-07T09:00:00Z");

        digest.writeDue();

        assertThat(digests(us)).singleElement().satisfies(mail -> {
            assertThat(mail.body()).contains("Lead " + usLead + ":").doesNotContain("Lead " + deLead + ":");
        });
        assertThat(digests(de)).singleElement().satisfies(mail -> {
            assertThat(mail.recipient()).isEqualTo(deManager + "@partner.example");
            assertThat(mail.body()).contains("Lead " + deLead + ":").doesNotContain("Lead " + usLead + ":")
                    .doesNotContain(anna);
        });
    }

    @Test
    void aDigestAnotherNodeAlreadyWroteTodayIsNotWrittenAgain() {
        now("2026-12-07T06:00:00Z");
        offered("US");
        jdbc.sql("insert into manager_digest (partner_id, digest_date, written_at, open_offers) "
                + "values (:p, date '2026-12-07', current_timestamp, 1)").param("p", us).update();
        now("2026-12-07T09:00:00Z");

        digest.writeDue();

        assertThat(digests(us)).isEmpty();
    }

    private long offered(String country) {
        long lead = fixtures.submit(fixtures.partnerLead(country));
        engine.runDueJobs();
        return lead;
    }

    private List<Notification> digests(String partnerId) {
        return notifications.forPartner(partnerId).stream().filter(n -> n.kind() == NotificationKind.MANAGER_DIGEST)
                .toList();
    }

    private static void now(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }
}
