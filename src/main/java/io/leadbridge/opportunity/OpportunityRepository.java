package io.leadbridge.opportunity;

import io.leadbridge.config.LeadClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opportunities as stored: one per lead, changed in the caller's transaction. */
@Repository
public class OpportunityRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    OpportunityRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Opportunity> find(long leadId) {
        return jdbc.sql("select * from opportunity where lead_id = :leadId").param("leadId", leadId)
                .query(OpportunityRepository::map).optional();
    }

    void insert(long leadId, String partnerId, String repUsername, OpportunityStage stage, BigDecimal amount,
            String currency, LocalDate expectedCloseDate, List<String> products) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                insert into opportunity (lead_id, partner_id, rep_username, stage, amount, currency,
                                         expected_close_date, products, created_at, updated_at)
                values (:leadId, :partnerId, :rep, :stage, :amount, :currency, :closeDate, :products, :now, :now)""")
                .param("leadId", leadId).param("partnerId", partnerId).param("rep", repUsername)
                .param("stage", stage.name()).param("amount", amount).param("currency", currency)
                .param("closeDate", Date.valueOf(expectedCloseDate)).param("products", joined(products))
                .param("now", now).update();
    }

    void update(Opportunity changed) {
        jdbc.sql("""
                update opportunity set stage = :stage, amount = :amount, currency = :currency,
                       expected_close_date = :closeDate, products = :products, updated_at = :now
                where lead_id = :leadId""")
                .param("leadId", changed.leadId()).param("stage", changed.stage().name())
                .param("amount", changed.amount()).param("currency", changed.currency())
                .param("closeDate", Date.valueOf(changed.expectedCloseDate()))
                .param("products", joined(changed.products())).param("now", Timestamp.from(clock.now())).update();
    }

    void closeWon(long leadId, BigDecimal finalAmount, String currency, String note) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                update opportunity set stage = 'WON', final_amount = :amount, currency = :currency,
                       close_note = :note, updated_at = :now, closed_at = :now
                where lead_id = :leadId""")
                .param("leadId", leadId).param("amount", finalAmount).param("currency", currency)
                .param("note", note).param("now", now).update();
    }

    void closeLost(long leadId, LostReason reason, String note) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                update opportunity set stage = 'LOST', lost_reason = :reason, close_note = :note,
                       updated_at = :now, closed_at = :now
                where lead_id = :leadId""")
                .param("leadId", leadId).param("reason", reason.name()).param("note", note).param("now", now)
                .update();
    }

    private static String joined(List<String> products) {
        return products == null || products.isEmpty() ? null : String.join(", ", products);
    }

    static Opportunity map(ResultSet rs, int row) throws SQLException {
        String products = rs.getString("products");
        String lostReason = rs.getString("lost_reason");
        return new Opportunity(rs.getLong("lead_id"), rs.getString("partner_id"), rs.getString("rep_username"),
                OpportunityStage.valueOf(rs.getString("stage")), rs.getBigDecimal("amount"), rs.getString("currency"),
                rs.getDate("expected_close_date").toLocalDate(),
                products == null ? List.of() : Arrays.stream(products.split(",\\s*")).toList(),
                rs.getBigDecimal("final_amount"), lostReason == null ? null : LostReason.valueOf(lostReason),
                rs.getString("close_note"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "closed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }
}
