package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vendor-sourced side of the partner-sourced vs vendor-sourced report: every lead's opportunity
 * from the report facts (open ones at their amount, WON ones at their final amount), with the
 * instant its amount belongs to for conversion (closed, or while open, received). A partner's own
 * when {@code partnerId} is given: the leads it holds.
 */
@Component
public class LeadOpportunityValues {

    private final JdbcClient jdbc;

    LeadOpportunityValues(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<Value> of(String partnerId) {
        return jdbc.sql("""
                select opportunity_stage, opportunity_currency, opportunity_value,
                       coalesce(closed_at, received_at) as belongs_to
                from report_lead
                where opportunity_stage is not null and opportunity_value is not null
                  and (cast(:partner as varchar(40)) is null or partner_id = :partner)""")
                .param("partner", partnerId)
                .query((rs, i) -> new Value(rs.getString("opportunity_stage"), rs.getString("opportunity_currency"),
                        rs.getBigDecimal("opportunity_value"), rs.getTimestamp("belongs_to").toInstant()))
                .list();
    }

    /** One opportunity of a lead: its stage (QUALIFICATION ... WON, LOST), currency and value. */
    public record Value(String stage, String currency, BigDecimal amount, Instant belongsTo) {

        public boolean isOpen() {
            return !"WON".equals(stage) && !"LOST".equals(stage);
        }

        public boolean isWon() {
            return "WON".equals(stage);
        }
    }
}
