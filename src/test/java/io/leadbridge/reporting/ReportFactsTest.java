package io.leadbridge.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.intake.LeadSubmission;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lifecycle.ContactOutcome;
import io.leadbridge.lifecycle.LeadActions;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.Caller;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The report facts follow the lead tables in the same transaction: a step that commits changes
 * them, one that rolls back leaves them as they were; an account refreshed by a later lead passes
 * its new place and industry to the facts of its earlier leads. Mails and reminders change no
 * fact and refresh none, yet the facts after a whole life are what a fresh refresh works out.
 */
@LeadbridgeTest
class ReportFactsTest {

    @Autowired LeadFixtures fixtures;
    @Autowired LeadRepository leads;
    @Autowired LeadEventLog events;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired ReportFacts reportFacts;
    @Autowired EngineDriver engine;
    @Autowired LeadActions actions;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aStepChangesTheFactsWhenItCommitsAndNotWhenItRollsBack() {
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        assertThat(fact(lead, "status")).isEqualTo(LeadStatus.NEW.name());

        transactions.executeWithoutResult(tx -> {
            nurture(lead);
            tx.setRollbackOnly();
        });
        assertThat(fact(lead, "status")).isEqualTo(LeadStatus.NEW.name());

        transactions.executeWithoutResult(tx -> nurture(lead));
        assertThat(fact(lead, "status")).isEqualTo(LeadStatus.NURTURE.name());
    }

    @Test
    void anAccountRefreshedByALaterLeadCarriesItsEarlierLeadsFactsAlong() {
        LeadSubmission first = fixtures.lead("US", 70, 250, "Cloud Platform", "Retail");
        long earlier = fixtures.submit(first);
        offerTo(earlier);
        LeadSubmission.Account moved = new LeadSubmission.Account(first.account().name(), first.account().domain(),
                "Healthcare", "DE", first.account().employees(), first.account().annualRevenue());
        LeadSubmission second = fixtures.lead("DE", 70, 250, "Cloud Platform", "Healthcare");
        long later = fixtures.submit(new LeadSubmission(second.externalId(), second.source(), second.campaign(),
                second.product(), second.score(), second.contact(), moved, second.notes()));

        for (long lead : new long[] {earlier, later}) {
            assertThat(fact(lead, "country")).as("lead %d", lead).isEqualTo("DE");
            assertThat(fact(lead, "industry")).as("lead %d", lead).isEqualTo("Healthcare");
        }
        assertThat(jdbc.sql("select country, industry from report_offer where lead_id = :lead").param("lead", earlier)
                .query().singleRow()).containsEntry("country", "DE").containsEntry("industry", "Healthcare");
    }

    @Test
    void afterAWholeLifeTheFactsAreWhatAFreshRefreshWorksOutThoughMailsAndRemindersStartedNone() {
        String first = fixtures.partner("first", PartnerTier.GOLD, "US");
        String second = fixtures.partner("second", PartnerTier.GOLD, "US");
        Map<String, String> reps = Map.of(first, fixtures.rep(first), second, fixtures.rep(second));
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        try {
            engine.runDueJobs();
            engine.passTime(Duration.ofHours(12).plusMinutes(1)); // the accept reminder and its mails
            engine.passTime(Duration.ofHours(12)); // the accept SLA: withdrawn, offered to the other partner
            String holder = fixtures.lead(lead).partnerId();
            Caller rep = new Caller(reps.get(holder), Set.of("partner-" + holder));
            actions.acceptOffer(lead, rep);
            actions.reportContact(lead, ContactOutcome.CONTACTED, "reached", rep);
            engine.runDueJobs();
        } finally {
            engine.resetClock();
        }
        assertThat(events.count(lead, LeadEventType.REMINDED)).isPositive();
        assertThat(events.count(lead, LeadEventType.NOTIFIED)).isPositive();
        assertThat(jdbc.sql("select count(*) from report_offer where lead_id = :lead").param("lead", lead)
                .query(Long.class).single()).as("both offers").isEqualTo(2);

        List<Map<String, Object>> kept = facts(lead);
        transactions.executeWithoutResult(tx -> reportFacts.refresh(List.of(lead)));

        assertThat(kept).isEqualTo(facts(lead));
    }

    @Test
    void aTransactionThatOnlyToldSomeoneLeavesTheFactsUntouched() {
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        jdbc.sql("update report_lead set campaign = 'marked' where lead_id = :lead").param("lead", lead).update();

        transactions.executeWithoutResult(tx -> {
            events.record(lead, LeadEventType.NOTIFIED, LeadEvent.SYSTEM, null, "mail stored");
            events.record(lead, LeadEventType.REMINDED, LeadEvent.SYSTEM, null, "reminded");
        });
        assertThat(fact(lead, "campaign")).as("not worked out anew").isEqualTo("marked");

        transactions.executeWithoutResult(tx -> nurture(lead));
        assertThat(fact(lead, "campaign")).as("a change is").isNotEqualTo("marked");
    }

    /** The lead's fact rows and its offers', every column, in a fixed order. */
    private List<Map<String, Object>> facts(long lead) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(jdbc.sql(
                "select * from report_lead where lead_id = :lead").param("lead", lead).query().listOfRows());
        rows.addAll(jdbc.sql("select * from report_offer where lead_id = :lead order by offer_id").param("lead", lead)
                .query().listOfRows());
        return rows;
    }

    private void nurture(long lead) {
        leads.changeStatus(lead, LeadStatus.NURTURE);
        events.record(lead, LeadEventType.NURTURE, null, null, "sent to nurture");
    }

    /** An offer written as routing writes it: the offer and its event. */
    private void offerTo(long lead) {
        String partner = fixtures.partner("mover", PartnerTier.GOLD, "US");
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("""
                    insert into lead_offer (lead_id, partner_id, attempt, offered_at, accept_due_at)
                    values (:lead, :partner, 1, current_timestamp, current_timestamp)""")
                    .params(Map.of("lead", lead, "partner", partner)).update();
            events.record(lead, LeadEventType.OFFERED, null, partner, "offered");
        });
    }

    private Object fact(long lead, String column) {
        return jdbc.sql("select " + column + " from report_lead where lead_id = :lead").param("lead", lead)
                .query().singleValue();
    }
}
