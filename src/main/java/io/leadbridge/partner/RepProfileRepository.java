package io.leadbridge.partner;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reps' profiles ({@code rep_profile}, {@code rep_profile_value}) and their place in the rotation. */
@Repository
public class RepProfileRepository {

    enum Kind { COUNTRY, REGION, PRODUCT, INDUSTRY, LANGUAGE }

    private final JdbcClient jdbc;

    RepProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RepProfile> find(String username) {
        return load("where p.username = :key", username).stream().findFirst();
    }

    /** Every profile of the partner's reps, by username. */
    public List<RepProfile> findByPartner(String partnerId) {
        return load("where p.partner_id = :key", partnerId);
    }

    void save(RepProfile profile) {
        Map<String, Object> params = new HashMap<>();
        params.put("username", profile.username());
        params.put("partnerId", profile.partnerId());
        params.put("capacity", profile.capacity());
        params.put("awayFrom", timestamp(profile.awayFrom()));
        params.put("awayUntil", timestamp(profile.awayUntil()));
        params.put("standIn", profile.standIn());
        params.put("now", timestamp(profile.updatedAt()));
        params.put("by", profile.updatedBy());
        int updated = jdbc.sql("""
                update rep_profile set capacity = :capacity, away_from = :awayFrom, away_until = :awayUntil,
                       stand_in = :standIn, updated_at = :now, updated_by = :by
                where username = :username""").params(params).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into rep_profile (username, partner_id, capacity, away_from, away_until, stand_in,
                                             updated_at, updated_by)
                    values (:username, :partnerId, :capacity, :awayFrom, :awayUntil, :standIn, :now, :by)""")
                    .params(params).update();
        }
        jdbc.sql("delete from rep_profile_value where username = :username")
                .param("username", profile.username()).update();
        Map<Kind, Set<String>> values = new LinkedHashMap<>();
        values.put(Kind.COUNTRY, profile.countries());
        values.put(Kind.REGION, profile.regions());
        values.put(Kind.PRODUCT, profile.products());
        values.put(Kind.INDUSTRY, profile.industries());
        values.put(Kind.LANGUAGE, profile.languages());
        values.forEach((kind, set) -> set.forEach(value -> jdbc.sql(
                "insert into rep_profile_value (username, kind, val) values (:username, :kind, :val)")
                .param("username", profile.username()).param("kind", kind.name()).param("val", value).update()));
    }

    /**
     * The partner's profiles locked in username order, for a dispatch: two offers of the same partner
     * at the same moment take their turns one after the other.
     */
    public void lockPartner(String partnerId) {
        jdbc.sql("select username from rep_profile where partner_id = :partnerId order by username for update")
                .param("partnerId", partnerId).query(String.class).list();
    }

    /** When each rep last got an offer by rotation (absent: never), for the partner's reps. */
    public Map<String, Instant> lastOffered(String partnerId) {
        Map<String, Instant> last = new HashMap<>();
        jdbc.sql("select username, last_offered_at from rep_profile where partner_id = :partnerId")
                .param("partnerId", partnerId)
                .query(rs -> {
                    Timestamp at = rs.getTimestamp(2);
                    if (at != null) {
                        last.put(rs.getString(1), at.toInstant());
                    }
                });
        return last;
    }

    /** The rep had its turn: it goes to the back of the rotation. */
    public void tookTurn(String username, Instant at) {
        jdbc.sql("update rep_profile set last_offered_at = :at, offers = offers + 1 where username = :username")
                .param("at", Timestamp.from(at)).param("username", username).update();
    }

    private List<RepProfile> load(String where, String key) {
        Map<String, Map<Kind, Set<String>>> values = new HashMap<>();
        jdbc.sql("select v.username, v.kind, v.val from rep_profile_value v join rep_profile p "
                + "on p.username = v.username " + where).param("key", key)
                .query(rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(Kind.valueOf(rs.getString(2)), k -> new TreeSet<>())
                            .add(rs.getString(3));
                });
        return jdbc.sql("select * from rep_profile p " + where + " order by p.username").param("key", key)
                .query((rs, row) -> map(rs, values.getOrDefault(rs.getString("username"), Map.of()))).list();
    }

    private static RepProfile map(ResultSet rs, Map<Kind, Set<String>> values) throws SQLException {
        return new RepProfile(rs.getString("username"), rs.getString("partner_id"), rs.getInt("capacity"),
                values.getOrDefault(Kind.COUNTRY, Set.of()), values.getOrDefault(Kind.REGION, Set.of()),
                values.getOrDefault(Kind.PRODUCT, Set.of()), values.getOrDefault(Kind.INDUSTRY, Set.of()),
                values.getOrDefault(Kind.LANGUAGE, Set.of()), instant(rs.getTimestamp("away_from")),
                instant(rs.getTimestamp("away_until")), rs.getString("stand_in"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
