package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.calendar.SlaClock;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lifecycle.LeadHolding;
import io.leadbridge.lifecycle.WithdrawalReason;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.routing.PartnerPerformance.Counts;
import io.leadbridge.routing.PartnerPerformance.Rates;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts routing keeps per partner always equal a recount from offers, leads and strikes:
 * after a realistic mix of offers, accepts, declines, withdrawals (with strikes), open
 * competitions, wins and losses, each step in its own transaction as the application runs it,
 * and as the 90-day window moves.
 */
@LeadbridgeTest
class PartnerRoutingStatsTest {

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadHolding holding;
    @Autowired LeadRepository leads;
    @Autowired PartnerRoutingStats stats;
    @Autowired PartnerPerformance performance;
    @Autowired PartnerRepository partners;
    @Autowired LeadClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    private List<String> partnerIds;

    @BeforeEach
    void fourPartners() {
        fixtures.isolateFromEarlierTests();
        partnerIds = List.of(fixtures.partner("kept-a", PartnerTier.GOLD, "NZ"),
                fixtures.partner("kept-b", PartnerTier.SILVER, "NZ"), fixtures.partner("kept-c", PartnerTier.GOLD, "NZ"),
                fixtures.partner("kept-d", PartnerTier.PLATINUM, "NZ"));
    }

    @AfterEach
    void realTime() {
        engine.resetClock();
    }

    @Test
    void theKeptCountsEqualARecountAfterARealisticMixOfOffersAndOutcomes() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(100))));
        for (int i = 0; i < 12; i++) {
            history(i);
        }
        assertKeptRowsEqualARecount();
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(20))));
        for (int i = 12; i < 48; i++) {
            history(i);
            engine.passTimeWithoutJobs(Duration.ofHours(6));
        }

        assertKeptRowsEqualARecount();
        assertThat(jdbc.sql("select sum(won) from partner_routing_stats where partner_id in (:ids)")
                .param("ids", partnerIds).query(Integer.class).single()).as("leads won in the window").isPositive();
        assertAChoiceSeesARecount();
    }

    @Test
    void countsAreRecountedWhenTheirOldestFactLeavesTheNinetyDays() {
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(30))));
        for (int i = 0; i < 24; i++) {
            history(i);
        }
        assertAChoiceSeesARecount();
        Map<String, Rates> before = stats.forChoice().rates(partnerIds);

        engine.passTimeWithoutJobs(Duration.ofDays(89));
        assertThat(stats.forChoice().rates(partnerIds)).as("all still inside the window").isEqualTo(before);
        engine.passTimeWithoutJobs(Duration.ofDays(2));

        assertAChoiceSeesARecount();
        assertThat(stats.forChoice().rates(partnerIds).values()).as("the history has left the window")
                .containsOnly(Rates.NO_HISTORY);
        ClockUtil.setCurrentTime(Date.from(Instant.now().minus(Duration.ofDays(10))));
        assertAChoiceSeesARecount();
    }

    /** The i-th lead's story: one of six endings, at the partner whose turn it is. */
    private void history(int i) {
        long lead = fixtures.submit(fixtures.partnerLead("NZ"));
        step(l -> leads.qualify(l, "MID_MARKET", "B", "PARTNER"), lead);
        String partner = partnerIds.get(i % partnerIds.size());
        String other = partnerIds.get((i + 1) % partnerIds.size());
        Instant due = clock.now().plus(Duration.ofDays(1));
        switch (i % 6) {
            case 0 -> {  // accepted, contacted, won
                step(l -> holding.offer(l, List.of(partner), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.handToAcceptingPartner(l, partner, null, due), lead);
                step(leads::contacted, lead);
                step(l -> leads.close(l, LeadStatus.WON, null), lead);
            }
            case 1 -> {  // accepted and lost
                step(l -> holding.offer(l, List.of(partner), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.handToAcceptingPartner(l, partner, null, due), lead);
                step(l -> leads.close(l, LeadStatus.LOST, "NO_BUDGET"), lead);
            }
            case 2 -> {  // declined, then offered to the next partner, still open
                step(l -> holding.offer(l, List.of(partner), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.closeDeclinedOffer(l, partner, null, "too far"), lead);
                step(holding::releaseDeclinedLead, lead);
                step(l -> holding.offer(l, List.of(other), null, 2, due, SlaClock.CALENDAR, "test"), lead);
            }
            case 3 -> {  // not accepted in time: withdrawn with a strike
                step(l -> holding.offer(l, List.of(partner), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.withdraw(l, WithdrawalReason.ACCEPT_SLA_MISSED, null, "system"), lead);
            }
            case 4 -> {  // open competition, one accepts, the other's offer ends; the winner keeps working it
                step(l -> holding.offer(l, List.of(partner, other), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.handToAcceptingPartner(l, other, null, due), lead);
            }
            default -> {  // accepted, then withdrawn for a missed contact SLA, by a channel manager next time
                step(l -> holding.offer(l, List.of(partner), null, 1, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.handToAcceptingPartner(l, partner, null, due), lead);
                step(l -> holding.withdraw(l, WithdrawalReason.CONTACT_SLA_MISSED, null, "system"), lead);
                step(l -> holding.offer(l, List.of(other), null, 2, due, SlaClock.CALENDAR, "test"), lead);
                step(l -> holding.withdraw(l, WithdrawalReason.CHANNEL_MANAGER, "reshuffle", "manager"), lead);
            }
        }
    }

    private void step(Consumer<Long> change, long lead) {
        transaction.executeWithoutResult(status -> change.accept(lead));
    }

    /** The stored rows, as written with the last change, against the partners' history counted now. */
    private void assertKeptRowsEqualARecount() {
        Map<String, Counts> recount = performance.counts(partnerIds, clock.now());
        Map<String, Integer> open = partners.openLeadCounts(partnerIds);
        Map<String, Counts> kept = new HashMap<>();
        Map<String, Integer> keptOpen = new HashMap<>();
        jdbc.sql("select * from partner_routing_stats where partner_id in (:ids)").param("ids", partnerIds)
                .query(rs -> {
                    kept.put(rs.getString("partner_id"), new Counts(rs.getInt("offers"), rs.getInt("answered"),
                            rs.getInt("accepted"), rs.getInt("strikes"), rs.getInt("won"), rs.getInt("lost"), null));
                    keptOpen.put(rs.getString("partner_id"), rs.getInt("open_leads"));
                });
        for (String partnerId : partnerIds) {
            Counts expected = recount.get(partnerId);
            assertThat(kept.get(partnerId)).as(partnerId)
                    .isEqualTo(new Counts(expected.offers(), expected.answered(), expected.accepted(), expected.strikes(),
                            expected.won(), expected.lost(), null));
            assertThat(keptOpen.get(partnerId)).as(partnerId).isEqualTo(open.getOrDefault(partnerId, 0));
        }
        assertThat(recount.values()).as("the history has offers").anyMatch(c -> c.offers() > 0);
    }

    /** What a choice reads equals what PartnerPerformance and openLeadCounts count now. */
    private void assertAChoiceSeesARecount() {
        PartnerRoutingStats.ChoiceView view = stats.forChoice();
        Map<String, Integer> open = new HashMap<>();
        partnerIds.forEach(id -> open.put(id, partners.openLeadCounts(partnerIds).getOrDefault(id, 0)));
        assertThat(view.openLeadCounts(partnerIds)).isEqualTo(open);
        assertThat(view.rates(partnerIds)).isEqualTo(performance.of(partnerIds));
    }
}
