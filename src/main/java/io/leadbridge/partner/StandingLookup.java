package io.leadbridge.partner;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The standing of partners (GOOD when none is recorded), as routing and the partner API read it;
 * the standing module judges and changes it.
 */
@Component
public class StandingLookup {

    public static final String GOOD = "GOOD";
    public static final String SUSPENDED = "SUSPENDED";

    private final JdbcClient jdbc;

    StandingLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partner's standing now. */
    public Standing current(String partnerId) {
        return jdbc.sql("select standing from partner_standing where partner_id = :id").param("id", partnerId)
                .query(String.class).optional().map(Standing::valueOf).orElse(Standing.GOOD);
    }

    /** Suspended partners receive no new offers, from the rules or from a person. */
    public boolean isSuspended(String partnerId) {
        return jdbc.sql("select count(*) from partner_standing where partner_id = :id and standing = 'SUSPENDED'")
                .param("id", partnerId).query(Integer.class).single() > 0;
    }

    /** Partners whose standing is not GOOD, with their standing. */
    public Map<String, String> notGood() {
        Map<String, String> standings = new HashMap<>();
        jdbc.sql("select partner_id, standing from partner_standing where standing <> 'GOOD'")
                .query(rs -> {
                    standings.put(rs.getString(1), rs.getString(2));
                });
        return standings;
    }
}
