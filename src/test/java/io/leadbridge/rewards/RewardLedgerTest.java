package io.leadbridge.rewards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.notification.Notifier;
import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.StatusUpdate;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The rewards ledger as the lead lifecycle writes it: one row per event that earns points, with
 * the table row and version that gave them, written in the event's own transaction, so a job
 * that fails after the event and is retried still writes exactly one row. Mid-market grade B
 * leads (the fixtures' default): accept SLA 1 day, contact SLA 3 days.
 */
@LeadbridgeTest
class RewardLedgerTest {

    private static final Duration ACCEPT_SLA = Duration.ofDays(1);
    private static final Duration CONTACT_SLA = Duration.ofDays(3);

    @MockitoSpyBean Notifier notifier;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;
    @Autowired LeadEventLog events;
    @Autowired PointsAwarding awarding;
    @Autowired RewardLedger ledger;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    private String partner;
    private String rep;

    @BeforeEach
    void aPartnerWithARep() {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = fixtures.rep(partner);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void eachStepOnTimeEarnsItsPointsOnceWithTheRowAndTableVersionThatGaveThem() {
        long leadId = received();
        assertThat(entries(leadId)).as("an offer earns nothing").isEmpty();

        actions.acceptOffer(leadId, caller());
        actions.reportContact(leadId, ContactOutcome.CONTACTED, "intro call", caller());
        actions.reportProgress(leadId, won("42000.00"), caller());

        List<LedgerEntry> entries = entries(leadId);
        assertThat(entries).extracting(LedgerEntry::eventType, LedgerEntry::points, LedgerEntry::ruleId)
                .containsExactly(
                        tuple(LeadEventType.ACCEPTED, 10, "Rule_Accepted"),
                        tuple(LeadEventType.CONTACTED, 15, "Rule_Contacted"),
                        tuple(LeadEventType.WON, 50, "Rule_WonMidSizeDeal"));
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.partnerId()).isEqualTo(partner);
            assertThat(entry.rep()).isEqualTo(rep);
            assertThat(entry.decisionVersion()).isPositive();
        });
        assertThat(entries.get(2).reason()).as("the row's annotation says why").startsWith("A deal from 10,000 to 100,000 won");
        assertThat(event(leadId, LeadEventType.ACCEPTED).onTime()).isTrue();
        assertThat(event(leadId, LeadEventType.CONTACTED).onTime()).isTrue();
        assertThat(entries).extracting(LedgerEntry::leadEventId).doesNotHaveDuplicates()
                .containsExactly(event(leadId, LeadEventType.ACCEPTED).id(),
                        event(leadId, LeadEventType.CONTACTED).id(), event(leadId, LeadEventType.WON).id());
    }

    @Test
    void aStepAfterItsDeadlineIsStoredAsLateAndEarnsLess() {
        long leadId = received();
        engine.passTimeWithoutJobs(ACCEPT_SLA.plusMinutes(5));

        actions.acceptOffer(leadId, caller());
        engine.passTimeWithoutJobs(CONTACT_SLA.plusMinutes(5));
        actions.reportContact(leadId, ContactOutcome.CONTACTED, "finally", caller());

        assertThat(event(leadId, LeadEventType.ACCEPTED).onTime()).isFalse();
        assertThat(event(leadId, LeadEventType.CONTACTED).onTime()).isFalse();
        assertThat(entries(leadId)).extracting(LedgerEntry::ruleId, LedgerEntry::points)
                .containsExactly(tuple("Rule_AcceptedLate", 2),
                        tuple("Rule_ContactedLate", 3));
    }

    @Test
    void awardingTheSameEventTwiceWritesOneRow() {
        long leadId = received();
        actions.acceptOffer(leadId, caller());
        LeadEvent accepted = event(leadId, LeadEventType.ACCEPTED);
        assertThat(entries(leadId)).hasSize(1);

        boolean again = awarding.award(accepted);

        assertThat(again).isFalse();
        assertThat(entries(leadId)).hasSize(1);
        LedgerEntry entry = entries(leadId).get(0);
        assertThat(ledger.add(new LedgerEntry(null, accepted.id(), leadId, partner, rep, LeadEventType.ACCEPTED, 99,
                "a second award", "Rule_Accepted", 1, accepted.occurredAt()))).as("the ledger itself refuses").isFalse();
        assertThat(entries(leadId)).containsExactly(entry);
    }

    @Test
    void theDatabaseRefusesASecondRowForTheSameEvent() {
        long leadId = received();
        actions.acceptOffer(leadId, caller());
        LedgerEntry entry = entries(leadId).get(0);

        assertThatThrownBy(() -> jdbc.sql("""
                insert into reward_ledger (lead_event_id, lead_id, partner_id, event_type, points, rule_id,
                                           decision_version, occurred_at)
                values (:eventId, :leadId, :partnerId, 'ACCEPTED', 5, 'Rule_Accepted', 1, :at)""")
                .param("eventId", entry.leadEventId()).param("leadId", leadId).param("partnerId", partner)
                .param("at", java.sql.Timestamp.from(entry.occurredAt())).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void aTimerJobThatFailsAfterTheWithdrawalIsRetriedAndCostsThePartnerAndRepOnce() {
        long leadId = received();
        actions.acceptOffer(leadId, caller());
        // The withdrawal's mail to the partner fails once, after the event and its points were written.
        doThrow(new IllegalStateException("notification store unavailable")).doCallRealMethod()
                .when(notifier).leadWithdrawn(any(Lead.class), eq(partner), any(), anyString());
        Instant contactDue = fixtures.lead(leadId).slaDueAt().truncatedTo(ChronoUnit.MILLIS);
        engine.passTimeWithoutJobs(CONTACT_SLA.plusMinutes(1));
        Job contactSla = management.createJobQuery().processInstanceId(fixtures.process(leadId).getId()).timers()
                .list().stream().filter(job -> job.getDuedate().toInstant().equals(contactDue))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> management.executeJob(contactSla.getId()))
                .hasMessageContaining("notification store unavailable");
        assertThat(events.count(leadId, LeadEventType.WITHDRAWN)).as("the failed job rolled back its event").isZero();
        assertThat(entries(leadId)).extracting(LedgerEntry::eventType).containsExactly(LeadEventType.ACCEPTED);
        assertThat(management.createJobQuery().jobId(contactSla.getId()).singleResult().getRetries())
                .as("the job is left for a retry").isPositive();

        management.executeJob(contactSla.getId());

        assertThat(events.count(leadId, LeadEventType.WITHDRAWN)).isEqualTo(1);
        List<LedgerEntry> withdrawals = entries(leadId).stream()
                .filter(entry -> entry.eventType() == LeadEventType.WITHDRAWN).toList();
        assertThat(withdrawals).singleElement().satisfies(entry -> {
            assertThat(entry.points()).isEqualTo(-20);
            assertThat(entry.ruleId()).isEqualTo("Rule_WithdrawnUncontacted");
            assertThat(entry.partnerId()).isEqualTo(partner);
            assertThat(entry.rep()).as("the rep that let the lead go cold").isEqualTo(rep);
        });
        assertThat(event(leadId, LeadEventType.WITHDRAWN).reason()).isEqualTo("CONTACT_SLA_MISSED");
    }

    @Test
    void partnersThatLoseAnOpenCompetitionLoseNoPoints() {
        fixtures.retireAllPartners();
        Map<String, String> reps = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String racer = fixtures.partner("racer" + i, PartnerTier.SILVER, "NL");
            reps.put(racer, fixtures.rep(racer));
        }
        long leadId = fixtures.submit(fixtures.lead("NL", 88, 20, "Cloud Platform", "Retail"));
        engine.runDueJobs();
        List<String> racing = racingPartners(leadId);
        assertThat(racing).hasSize(3);

        String winner = racing.get(0);
        actions.acceptOffer(leadId, new Caller(reps.get(winner), Set.of("partner-" + winner)));

        assertThat(events.timeline(leadId).stream().filter(e -> e.type() == LeadEventType.WITHDRAWN))
                .hasSize(2).allMatch(e -> "COMPETITION_LOST".equals(e.reason()));
        assertThat(entries(leadId)).extracting(LedgerEntry::partnerId, LedgerEntry::eventType)
                .containsExactly(tuple(winner, LeadEventType.ACCEPTED));
    }

    private long received() {
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(partner);
        return leadId;
    }

    private Caller caller() {
        return new Caller(rep, Set.of("partner-" + partner));
    }

    /** The rep's report that the deal was won, for its final amount. */
    private static StatusUpdate won(String finalAmount) {
        return new StatusUpdate(DealAction.WON, new BigDecimal(finalAmount), "USD", null, null, null, null, "signed");
    }

    private List<LedgerEntry> entries(long leadId) {
        return ledger.entries(Instant.EPOCH, Instant.now().plus(Duration.ofDays(3650)), null, null).stream()
                .filter(entry -> entry.leadId() == leadId).toList();
    }

    private LeadEvent event(long leadId, LeadEventType type) {
        return events.timeline(leadId).stream().filter(e -> e.type() == type).reduce((a, b) -> b).orElseThrow();
    }

    private List<String> racingPartners(long leadId) {
        List<String> racing = new ArrayList<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                // The partner's group; its lead managers' group (partner-<id>-managers) is a candidate too.
                if (link.getGroupId() != null && link.getGroupId().startsWith("partner-")
                        && !link.getGroupId().endsWith("-managers")) {
                    racing.add(link.getGroupId().substring("partner-".length()));
                }
            }
        }
        return racing;
    }
}
