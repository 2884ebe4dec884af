package io.leadbridge.supportrequest;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code support_request} table. */
@Repository
class SupportRequestRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    SupportRequestRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    SupportRequest insert(long leadId, String partnerId, String rep, NewSupportRequest request) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                insert into support_request (id, lead_id, partner_id, rep_username, kind, discount_percent,
                    justification, status, requested_at)
                values (:id, :leadId, :partnerId, :rep, :kind, :discount, :justification, 'OPEN', :now)""")
                .param("id", id).param("leadId", leadId).param("partnerId", partnerId).param("rep", rep)
                .param("kind", request.kind().name()).param("discount", request.discountPercent())
                .param("justification", request.justification().trim())
                .param("now", Timestamp.from(clock.now()))
                .update();
        return get(id);
    }

    /** Answers an open request; false if it was answered already. */
    boolean answer(String id, SupportStatus status, String answer, String answeredBy) {
        return jdbc.sql("""
                update support_request set status = :status, answer = :answer, answered_at = :now,
                    answered_by = :answeredBy
                where id = :id and status = 'OPEN'""")
                .param("id", id).param("status", status.name()).param("answer", answer)
                .param("answeredBy", answeredBy).param("now", Timestamp.from(clock.now()))
                .update() == 1;
    }

    Optional<SupportRequest> find(String id) {
        return jdbc.sql("select * from support_request where id = :id").param("id", id)
                .query(SupportRequestRepository::map).optional();
    }

    SupportRequest get(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("support request " + id + " does not exist"));
    }

    List<SupportRequest> forLead(long leadId) {
        return jdbc.sql("select * from support_request where lead_id = :leadId order by requested_at, id")
                .param("leadId", leadId).query(SupportRequestRepository::map).list();
    }

    private static SupportRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp answered = rs.getTimestamp("answered_at");
        return new SupportRequest(rs.getString("id"), rs.getLong("lead_id"), rs.getString("partner_id"),
                rs.getString("rep_username"), SupportKind.valueOf(rs.getString("kind")),
                rs.getBigDecimal("discount_percent"), rs.getString("justification"),
                SupportStatus.valueOf(rs.getString("status")), rs.getString("answer"),
                rs.getTimestamp("requested_at").toInstant(), answered == null ? null : answered.toInstant(),
                rs.getString("answered_by"));
    }
}
