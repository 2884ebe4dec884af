package io.leadbridge.calendar;

import io.leadbridge.config.LeadClock;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners' calendars ({@code partner_calendar}) and closures ({@code partner_closure}). */
@Repository
class PartnerCalendarRepository {

    private final JdbcClient jdbc;
    private final LeadClock clock;

    PartnerCalendarRepository(JdbcClient jdbc, LeadClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<CalendarSettings> find(String partnerId) {
        return jdbc.sql("select * from partner_calendar where partner_id = :id").param("id", partnerId)
                .query((rs, i) -> new CalendarSettings(ZoneId.of(rs.getString("time_zone")), rs.getString("country"),
                        rs.getString("region"), CalendarSettings.workingDaysOf(rs.getString("working_days")),
                        rs.getTime("opens").toLocalTime(), rs.getTime("closes").toLocalTime()))
                .optional();
    }

    void save(String partnerId, CalendarSettings settings, String by) {
        int updated = jdbc.sql("""
                update partner_calendar set time_zone = :zone, country = :country, region = :region,
                       working_days = :days, opens = :opens, closes = :closes, updated_by = :by, updated_at = :now
                where partner_id = :id""")
                .params(params(partnerId, settings, by)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into partner_calendar (partner_id, time_zone, country, region, working_days, opens, closes,
                                                  updated_by, updated_at)
                    values (:id, :zone, :country, :region, :days, :opens, :closes, :by, :now)""")
                    .params(params(partnerId, settings, by)).update();
        }
    }

    private java.util.Map<String, Object> params(String partnerId, CalendarSettings s, String by) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", partnerId);
        p.put("zone", s.timeZone().getId());
        p.put("country", s.country());
        p.put("region", s.region());
        p.put("days", s.workingDaysText());
        p.put("opens", Time.valueOf(s.opens()));
        p.put("closes", Time.valueOf(s.closes()));
        p.put("by", by);
        p.put("now", Timestamp.from(clock.now()));
        return p;
    }

    List<Closure> closures(String partnerId) {
        return jdbc.sql("select * from partner_closure where partner_id = :id order by first_day, id")
                .param("id", partnerId).query(PartnerCalendarRepository::closure).list();
    }

    Optional<Closure> closure(String partnerId, long id) {
        return jdbc.sql("select * from partner_closure where partner_id = :partner and id = :id")
                .param("partner", partnerId).param("id", id).query(PartnerCalendarRepository::closure).optional();
    }

    Closure addClosure(String partnerId, LocalDate firstDay, LocalDate lastDay, String reason, String by) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into partner_closure (partner_id, first_day, last_day, reason, created_by, created_at)
                values (:partner, :first, :last, :reason, :by, :now)""")
                .param("partner", partnerId).param("first", Date.valueOf(firstDay)).param("last", Date.valueOf(lastDay))
                .param("reason", reason).param("by", by).param("now", Timestamp.from(clock.now()))
                .update(keys, "id");
        return closure(partnerId, keys.getKey().longValue()).orElseThrow();
    }

    boolean removeClosure(String partnerId, long id) {
        return jdbc.sql("delete from partner_closure where partner_id = :partner and id = :id")
                .param("partner", partnerId).param("id", id).update() > 0;
    }

    private static Closure closure(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Closure(rs.getLong("id"), rs.getString("partner_id"), rs.getDate("first_day").toLocalDate(),
                rs.getDate("last_day").toLocalDate(), rs.getString("reason"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
