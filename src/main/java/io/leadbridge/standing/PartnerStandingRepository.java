package io.leadbridge.standing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.Standing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Partners' standing ({@code partner_standing}, read by the router: SUSPENDED means no new
 * offers) and its history ({@code partner_standing_change}).
 */
@Repository
class PartnerStandingRepository {

    /** The length of partner_standing_change.note. */
    static final int MAX_NOTE = 2000;

    private final JdbcClient jdbc;
    private final LeadClock clock;

    PartnerStandingRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<PartnerStanding> find(String partnerId) {
        return jdbc.sql("select * from partner_standing where partner_id = :partnerId")
                .param("partnerId", partnerId).query(PartnerStandingRepository::map).optional();
    }

    /**
     * The partner's standing, with the partner row locked until the transaction ends: strikes of
     * one partner judged at the same moment are judged one after the other, so a partner is never
     * suspended twice or given two reviews. Empty when the partner does not exist.
     */
    Optional<PartnerStanding> lock(String partnerId) {
        boolean exists = jdbc.sql("select id from partner where id = :partnerId for update")
                .param("partnerId", partnerId).query(String.class).optional().isPresent();
        return exists ? Optional.of(find(partnerId).orElse(PartnerStanding.good(partnerId))) : Optional.empty();
    }

    /** Stores the standing; the caller holds the partner's lock (see {@link #lock}). */
    void save(PartnerStanding standing) {
        Timestamp now = Timestamp.from(clock.now());
        int updated = jdbc.sql("""
                update partner_standing set standing = :standing, since = :since, warnings = :warnings,
                       suspensions = :suspensions, updated_at = :now
                where partner_id = :partnerId""")
                .params(params(standing, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into partner_standing (partner_id, standing, since, warnings, suspensions, updated_at)
                    values (:partnerId, :standing, :since, :warnings, :suspensions, :now)""")
                    .params(params(standing, now)).update();
        }
    }

    void recordChange(String partnerId, Standing standing, String actor, String note) {
        jdbc.sql("""
                insert into partner_standing_change (partner_id, standing, occurred_at, actor, note)
                values (:partnerId, :standing, :now, :actor, :note)""")
                .param("partnerId", partnerId).param("standing", standing.name())
                .param("now", Timestamp.from(clock.now())).param("actor", actor)
                .param("note", note == null || note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE))
                .update();
    }

    /** Every change of the partner's standing, newest first. */
    List<StandingChange> history(String partnerId) {
        return jdbc.sql("""
                select * from partner_standing_change where partner_id = :partnerId
                order by occurred_at desc, id desc""")
                .param("partnerId", partnerId)
                .query((rs, row) -> new StandingChange(Standing.valueOf(rs.getString("standing")),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("note")))
                .list();
    }

    private static Map<String, Object> params(PartnerStanding standing, Timestamp now) {
        return Map.of("partnerId", standing.partnerId(), "standing", standing.standing().name(),
                "since", standing.since() == null ? now : Timestamp.from(standing.since()),
                "warnings", standing.warnings(), "suspensions", standing.suspensions(), "now", now);
    }

    private static PartnerStanding map(ResultSet rs, int row) throws SQLException {
        return new PartnerStanding(rs.getString("partner_id"), Standing.valueOf(rs.getString("standing")),
                rs.getTimestamp("since").toInstant(), rs.getInt("warnings"), rs.getInt("suspensions"));
    }
}
