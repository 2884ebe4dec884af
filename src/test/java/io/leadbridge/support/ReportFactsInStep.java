package io.leadbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.reporting.ReportFacts;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks that the report facts the lifecycle kept step by step are exactly those worked out
 * afresh from the lead tables: every row of {@code report_lead} and {@code report_offer}, read,
 * then worked out again for every lead, and read once more.
 */
public final class ReportFactsInStep {

    private ReportFactsInStep() {
    }

    /** Asserts it for every stored lead; returns how many leads were compared. */
    public static int assertKeptInStep(JdbcClient jdbc, ReportFacts facts) {
        return assertKeptInStep(jdbc, facts, jdbc.sql("select id from lead").query(Long.class).list());
    }

    /** Asserts it for these leads; returns how many leads were compared. */
    public static int assertKeptInStep(JdbcClient jdbc, ReportFacts facts, List<Long> leads) {
        List<Map<String, Object>> keptLeads = rows(jdbc, "report_lead", "lead_id", leads);
        List<Map<String, Object>> keptOffers = rows(jdbc, "report_offer", "offer_id", leads);
        facts.refresh(leads);
        assertThat(keptLeads).as("report_lead as kept step by step").hasSize(leads.size())
                .containsExactlyElementsOf(rows(jdbc, "report_lead", "lead_id", leads));
        assertThat(keptOffers).as("report_offer as kept step by step")
                .hasSize(jdbc.sql("select count(*) from lead_offer where lead_id in (:leads)").param("leads", leads)
                        .query(Integer.class).single())
                .containsExactlyElementsOf(rows(jdbc, "report_offer", "offer_id", leads));
        return leads.size();
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc, String table, String key, List<Long> leads) {
        return jdbc.sql("select * from " + table + " where lead_id in (:leads) order by " + key)
                .param("leads", leads).query().listOfRows();
    }
}
