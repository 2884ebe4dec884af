package io.leadbridge.campaign;

import io.leadbridge.config.LeadClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code campaign} table. */
@Repository
class CampaignRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    CampaignRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(String code, CampaignRequest request, String currency) {
        Timestamp now = Timestamp.from(clock.now());
        jdbc.sql("""
                insert into campaign (code, name, channel, cost, currency, starts_on, ends_on, created_at, updated_at)
                values (:code, :name, :channel, :cost, :currency, :startsOn, :endsOn, :now, :now)""")
                .params(params(code, request, currency)).param("now", now)
                .update();
    }

    /** Replaces the campaign's facts; false when there is no such campaign. */
    boolean update(String code, CampaignRequest request, String currency) {
        return jdbc.sql("""
                update campaign set name = :name, channel = :channel, cost = :cost, currency = :currency,
                       starts_on = :startsOn, ends_on = :endsOn, updated_at = :now
                where code = :code""")
                .params(params(code, request, currency)).param("now", Timestamp.from(clock.now()))
                .update() == 1;
    }

    Optional<Campaign> find(String code) {
        return jdbc.sql("select * from campaign where code = :code").param("code", code)
                .query(CampaignRepository::map).optional();
    }

    /** Every campaign, the latest to start first. */
    List<Campaign> findAll() {
        return jdbc.sql("select * from campaign order by starts_on desc, code").query(CampaignRepository::map).list();
    }

    private static Map<String, Object> params(String code, CampaignRequest request, String currency) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", code);
        params.put("name", request.name().trim());
        params.put("channel", request.channel().trim());
        params.put("cost", request.cost());
        params.put("currency", currency);
        params.put("startsOn", request.startsOn());
        params.put("endsOn", request.endsOn());
        return params;
    }

    private static Campaign map(ResultSet rs, int row) throws SQLException {
        return new Campaign(rs.getString("code"), rs.getString("name"), rs.getString("channel"),
                rs.getBigDecimal("cost"), rs.getString("currency"), rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
