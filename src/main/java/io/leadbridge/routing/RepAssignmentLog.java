package io.leadbridge.routing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who inside the partner holds each offer ({@code rep_assignment}): one row per hand-over, with why. */
@Repository
public class RepAssignmentLog {

    /** How the offer came to its holder inside the partner. */
    public enum Method {
        /** The protected account's named rep. */
        PROTECTED,
        /** The fair rotation among the reps that match the lead. */
        ROTATION,
        /** The rotation's rep is out of office; its stand-in takes the offer. */
        STAND_IN,
        /** The partner's lead managers dispatch it (by hand, or no rep matched). */
        MANAGERS,
        /** The partner has no lead managers: its whole team sees the offer, as before issue 14. */
        TEAM,
        /** A lead manager or channel manager gave the offer to a rep. */
        REASSIGNED
    }

    /** Why a holder's turn ended before the offer did. */
    public static final String INSIDE_SLA_MISSED = "INSIDE_SLA_MISSED";
    public static final String MOVED_BY_MANAGER = "MOVED_BY_MANAGER";

    private final JdbcClient jdbc;

    RepAssignmentLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(RepAssignment assignment) {
        jdbc.sql("""
                insert into rep_assignment (lead_id, partner_id, attempt, rep_username, assigned_at, method, reason,
                                            candidates)
                values (:leadId, :partnerId, :attempt, :rep, :at, :method, :reason, :candidates)""")
                .param("leadId", assignment.leadId()).param("partnerId", assignment.partnerId())
                .param("attempt", assignment.attempt()).param("rep", assignment.repUsername())
                .param("at", Timestamp.from(assignment.assignedAt())).param("method", assignment.method().name())
                .param("reason", cut(assignment.reason(), 1000))
                .param("candidates", assignment.candidates() == null ? null : cut(assignment.candidates(), 8000))
                .update();
    }

    void end(long leadId, String partnerId, Instant at, String why) {
        jdbc.sql("""
                update rep_assignment set ended_at = :at, end_reason = :why
                where lead_id = :leadId and partner_id = :partnerId and ended_at is null""")
                .param("leadId", leadId).param("partnerId", partnerId).param("at", Timestamp.from(at))
                .param("why", why).update();
    }

    /** Who holds the partner's offer of the lead now, if the offer was dispatched inside the partner. */
    public Optional<RepAssignment> current(long leadId, String partnerId) {
        return jdbc.sql("""
                select * from rep_assignment where lead_id = :leadId and partner_id = :partnerId and ended_at is null
                order by id desc""")
                .param("leadId", leadId).param("partnerId", partnerId).query(RepAssignmentLog::map).list().stream()
                .findFirst();
    }

    /** Every hand-over of the lead, oldest first. */
    public List<RepAssignment> forLead(long leadId) {
        return jdbc.sql("select * from rep_assignment where lead_id = :leadId order by id")
                .param("leadId", leadId).query(RepAssignmentLog::map).list();
    }

    /** The reps that already had this offer (this lead, partner and attempt). */
    List<String> repsThatHad(long leadId, String partnerId, int attempt) {
        return jdbc.sql("""
                select distinct rep_username from rep_assignment where lead_id = :leadId and partner_id = :partnerId
                and attempt = :attempt and rep_username is not null""")
                .param("leadId", leadId).param("partnerId", partnerId).param("attempt", attempt)
                .query(String.class).list();
    }

    /**
     * What counts against each rep's capacity: the open offers it holds plus the leads it accepted
     * and is still working.
     */
    Map<String, Integer> openLeads(String partnerId) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                select rep, count(*) from (
                    select ra.rep_username rep from rep_assignment ra join lead_offer lo
                      on lo.lead_id = ra.lead_id and lo.partner_id = ra.partner_id and lo.attempt = ra.attempt
                     and lo.outcome is null
                    where ra.partner_id = :partnerId and ra.ended_at is null and ra.rep_username is not null
                    union all
                    select rep_username rep from lead where partner_id = :partnerId and rep_username is not null
                       and status in ('ACCEPTED', 'CONTACTED', 'OPPORTUNITY')
                ) held group by rep""")
                .param("partnerId", partnerId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    private static RepAssignment map(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new RepAssignment(rs.getLong("lead_id"), rs.getString("partner_id"), rs.getInt("attempt"),
                rs.getString("rep_username"), rs.getTimestamp("assigned_at").toInstant(),
                Method.valueOf(rs.getString("method")), rs.getString("reason"), rs.getString("candidates"),
                ended == null ? null : ended.toInstant(), rs.getString("end_reason"));
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /**
     * One hand-over of a partner's offer: to a rep, or (no rep) to the partner's lead managers or
     * team; how and why, the candidates weighed, and when and why the turn ended.
     */
    public record RepAssignment(long leadId, String partnerId, int attempt, String repUsername, Instant assignedAt,
            Method method, String reason, String candidates, Instant endedAt, String endReason) {

        /** The partner's lead managers (or its team) hold the offer, no rep. */
        public boolean toManagers() {
            return repUsername == null;
        }
    }
}
