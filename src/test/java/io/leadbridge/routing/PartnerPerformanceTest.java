package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.PartnerPerformance.Rates;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The 90-day rates the ranking table reads, against a hand-counted history. */
@LeadbridgeTest
class PartnerPerformanceTest {

    @Autowired PartnerPerformance performance;
    @Autowired LeadFixtures fixtures;
    @Autowired JdbcClient jdbc;

    private long leadId;

    @BeforeEach
    void aLeadToHangOffersOn() {
        fixtures.isolateFromEarlierTests();
        leadId = fixtures.submit(fixtures.partnerLead("US"));
    }

    @Test
    void onlyOffersThePartnerAnsweredOrLetRunOutCountForItsAcceptanceRate() {
        String partner = fixtures.partner("measured", PartnerTier.GOLD, "US");
        offers(partner, 3, "ACCEPTED", null, 10);
        offers(partner, 1, "DECLINED", null, 10);
        offers(partner, 1, "WITHDRAWN", "ACCEPT_SLA_MISSED", 10);
        offers(partner, 2, "WITHDRAWN", "COMPETITION_LOST", 10);
        offers(partner, 1, "WITHDRAWN", "CHANNEL_MANAGER", 10);
        offers(partner, 4, "ACCEPTED", null, 120);  // older than 90 days
        strikes(partner, 2);

        Rates rates = performance.of(List.of(partner)).get(partner);

        assertThat(rates.acceptanceRate()).isCloseTo(3.0 / 5, within(1e-9));
        assertThat(rates.slaKeptRate()).isCloseTo(1 - 2.0 / 8, within(1e-9));
        assertThat(rates.winRate()).as("no closed leads").isNull();
    }

    @Test
    void aNewPartnerHasNoRatesYet() {
        String partner = fixtures.partner("new", PartnerTier.GOLD, "US");
        offers(partner, 4, "ACCEPTED", null, 1);

        Rates rates = performance.of(List.of(partner)).get(partner);

        assertThat(rates.acceptanceRate()).isNull();
        assertThat(rates.slaKeptRate()).isNull();
    }

    private void offers(String partner, int count, String outcome, String reason, int daysAgo) {
        Timestamp at = Timestamp.from(Instant.now().minus(Duration.ofDays(daysAgo)));
        for (int i = 0; i < count; i++) {
            jdbc.sql("""
                    insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at, outcome,
                                            close_reason, closed_at)
                    values (:lead, :partner, 1, :at, :at, :outcome, :reason, :at)""")
                    .param("lead", leadId).param("partner", partner).param("at", at).param("outcome", outcome)
                    .param("reason", reason).update();
        }
    }

    private void strikes(String partner, int count) {
        for (int i = 0; i < count; i++) {
            jdbc.sql("insert into partner_strike (partner_id, lead_id, kind, occurred_at) "
                            + "values (:partner, :lead, 'ACCEPT_SLA_MISSED', :at)")
                    .param("partner", partner).param("lead", leadId)
                    .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(5)))).update();
        }
    }
}
