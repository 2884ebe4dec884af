package io.leadbridge.reporting;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.leadbridge.csv.CsvTable;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.calendar.SlaClock;
import io.leadbridge.calendar.WorkingCalendar;
import io.leadbridge.calendar.WorkingCalendars;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SLA compliance of the offers of the leads received in the period, by partner (or tier): how
 * many offers were accepted within the accept SLA, how many accepted leads got their first contact
 * within the contact SLA, how often leads were withdrawn, and how long accepting, first contact
 * and closing took (median and 90th percentile, in hours).
 *
 * <ul>
 * <li>accepted in time: the offer was ACCEPTED with {@code closed_at <= accept_due_at};
 * {@code acceptedInTimeShare} divides by the offers the partner answered or let run out
 * (accepted, declined, accept SLA missed) — offers a channel manager took back or another partner
 * won in an open competition are not held against it, as in routing's acceptance rate;</li>
 * <li>contacted in time: the partner reported first contact (CONTACTED, or WON or LOST straight
 * from first contact) after accepting. The lifecycle withdraws a lead at its contact deadline
 * (and the contact deadline is kept on the lead only while it runs), so a first contact the
 * holder could still report is in time; a missed one is a CONTACT_SLA_MISSED strike.
 * {@code contactedInTimeShare} = in time / (in time + missed);</li>
 * <li>withdrawals: offers withdrawn before an answer (accept SLA missed, a channel manager, a
 * reassignment; not an open competition another partner won) and accepted leads withdrawn later
 * (contact SLA missed, a channel manager);</li>
 * <li>times: to accept from the offer, to first contact from the acceptance, to close (WON or LOST
 * by that partner; the opportunity's close, else the WON/LOST event) from the acceptance. Offers
 * whose sla-policy row counted working time measure accepting and first contact in the partner's
 * working hours.</li>
 * </ul>
 */
@Component
class SlaReport {

    static final List<ReportDimension> GROUPS = List.of(ReportDimension.PARTNER, ReportDimension.TIER);

    private static final String MEASURES = """
            count(*) as offers,
            sum(case when outcome in ('ACCEPTED', 'DECLINED') or close_reason = 'ACCEPT_SLA_MISSED'
                     then 1 else 0 end) as answered,
            sum(case when outcome = 'ACCEPTED' then 1 else 0 end) as accepted,
            sum(case when outcome = 'ACCEPTED' and closed_at <= accept_due_at then 1 else 0 end) as accepted_in_time,
            sum(case when outcome = 'DECLINED' then 1 else 0 end) as declined,
            sum(case when close_reason = 'ACCEPT_SLA_MISSED' then 1 else 0 end) as accept_sla_missed,
            sum(case when outcome is null then 1 else 0 end) as open_offers,
            sum(case when outcome = 'ACCEPTED' and first_contact_at is not null and contact_missed = 0
                     then 1 else 0 end) as contacted_in_time,
            sum(case when outcome = 'ACCEPTED' and contact_missed = 1 then 1 else 0 end) as contact_sla_missed,
            sum(case when outcome = 'WITHDRAWN' and coalesce(close_reason, '-') <> 'COMPETITION_LOST' then 1
                     when outcome = 'ACCEPTED' and withdrawn_later = 1 then 1
                     else 0 end) as withdrawals""";

    /**
     * What an offer's times are grouped by: an SQL expression over the report facts {@code f} (and,
     * where {@code readsPartner}, the offered partner {@code p}, which is then joined).
     */
    private record GroupKey(String expression, boolean readsPartner) {

        static final GroupKey PARTNER = new GroupKey("f.partner_id", false);
        static final GroupKey TIER = new GroupKey("p.tier", true);

        /** The week of the lead's arrival, counted from the Monday {@code :firstMonday} (UTC seconds). */
        static GroupKey week() {
            return new GroupKey("cast(floor((extract(epoch from f.received_at) - :firstMonday) / " + WEEK.toSeconds()
                    + ") as bigint)", false);
        }

        /**
         * An accepted offer's times, from which {@link Durations} works out the hours to accept
         * (from the offer), to first contact and to close (from the acceptance), and the clock its
         * SLA counted on.
         */
        String selectTimes() {
            return "select " + expression + " as group_key, f.partner_id as offer_partner, o.sla_clock,"
                    + " f.offered_at, f.closed_at, f.first_contact_at, f.lead_closed_at"
                    + "\nfrom report_offer f"
                    + "\njoin lead_offer o on o.id = f.offer_id"
                    + (readsPartner ? "\njoin partner p on p.id = f.partner_id" : "");
        }
    }

    private static final Duration WEEK = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final ReportWorkers workers;
    private final WorkingCalendars calendars;

    SlaReport(JdbcClient jdbc, ReportWorkers workers, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.workers = workers;
    }

    /** Rows by partner (the default) or tier, and the total over all offers the filter selects. */
    Sla report(ReportFilter filter) {
        ReportDimension groupBy = filter.groupBy(GROUPS, ReportDimension.PARTNER, "SLA report");
        LeadConditions conditions = LeadConditions.of(filter).partnerOn("f.partner_id");
        boolean byPartner = groupBy == ReportDimension.PARTNER;
        // Counted per partner id alone (a small hash), named afterwards; or per tier of the offered partner.
        String sql = byPartner
                ? "select g.*, p.name as partner_name, p.tier from (select f.partner_id as group_key, " + MEASURES
                        + "\nfrom report_offer f" + conditions.where() + " group by f.partner_id) g"
                        + "\njoin partner p on p.id = g.group_key"
                : "select p.tier as group_key, " + MEASURES + "\nfrom report_offer f\njoin partner p on p.id = f.partner_id"
                        + conditions.where() + " group by p.tier";
        CompletableFuture<Times> timesRead = workers.start(
                () -> times(byPartner ? GroupKey.PARTNER : GroupKey.TIER, conditions, conditions.params()));
        List<Counted> counted = jdbc.sql(sql).params(conditions.params())
                .query((rs, i) -> new Counted(rs.getString("group_key"),
                        byPartner ? rs.getString("partner_name") : null, byPartner ? rs.getString("tier") : null,
                        Counts.read(rs)))
                .list();
        Times times = ReportWorkers.await(timesRead);
        List<Row> rows = new ArrayList<>();
        Counts all = Counts.NONE;
        for (Counted group : counted) {
            rows.add(byPartner
                    ? group.counts().row(group.key(), group.partnerName(), group.partnerTier(), times.of(group.key()))
                    : group.counts().row(null, null, group.key(), times.of(group.key())));
            all = all.plus(group.counts());
        }
        Row total = all.row(null, null, null, times.total());
        List<Row> sorted = rows.stream().sorted(byPartner
                ? Comparator.comparing(Row::partnerId)
                : Comparator.comparing(Row::tier, Figures.inOrder(TIERS))).toList();
        return new Sla(filter.period(), groupBy.parameter(), sorted, total);
    }

    /**
     * The same figures week by week of the leads' arrival: one entry per week that overlaps the
     * period, from the Monday (UTC) on or before its start, weeks without offers included. Not
     * grouped; {@code partner} and {@code tier} select the offered partner as in {@link #report}.
     */
    Weekly weekly(ReportFilter filter) {
        filter.groupBy(List.of(), null, "weekly SLA report");
        LeadConditions conditions = LeadConditions.of(filter).partnerOn("f.partner_id");
        Instant firstMonday = LocalDate.ofInstant(filter.period().from(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, Object> params = new HashMap<>(conditions.params());
        params.put("firstMonday", firstMonday.getEpochSecond());
        // Week numbers count from the first Monday; extract(epoch ...) of a timestamp with time zone is UTC seconds.
        String weeks = "(select floor((extract(epoch from received_at) - :firstMonday) / " + WEEK.toSeconds()
                + ") as week_number, f.* from report_offer f" + conditions.where() + ") weeks";
        CompletableFuture<Times> timesRead = workers.start(() -> times(GroupKey.week(), conditions, params));
        Map<Long, Counts> counted = new HashMap<>();
        jdbc.sql("select week_number, " + MEASURES + " from " + weeks + " group by week_number")
                .params(params)
                .query(rs -> {
                    counted.put(rs.getLong("week_number"), Counts.read(rs));
                });
        Times times = ReportWorkers.await(timesRead);
        Map<Long, Row> byWeek = new HashMap<>();
        counted.forEach((week, counts) -> byWeek.put(week, counts.row(null, null, null, times.of(Long.toString(week)))));
        List<Week> series = new ArrayList<>();
        for (long n = 0; firstMonday.plus(WEEK.multipliedBy(n)).isBefore(filter.period().to()); n++) {
            Instant start = firstMonday.plus(WEEK.multipliedBy(n));
            series.add(new Week(LocalDate.ofInstant(start, ZoneOffset.UTC),
                    byWeek.getOrDefault(n, Row.NOTHING)));
        }
        return new Weekly(filter.period(), filter.partner(), filter.tier() == null ? null : filter.tier().name(),
                series);
    }

    /**
     * The times of the accepted offers the conditions select, per {@code groupKey} and in all.
     * Where the offer's SLA counted working time, the hours to accept and to first contact are the
     * partner's working hours (its calendar as it is now), so a weekend does not make a partner look
     * slow; the hours to close are calendar time.
     */
    private Times times(GroupKey groupKey, LeadConditions conditions, Map<String, Object> params) {
        Times times = new Times(new HashMap<>(), new Durations[] {new Durations(), new Durations(), new Durations()});
        Map<String, WorkingCalendar> partnerCalendars = new HashMap<>();
        jdbc.sql(groupKey.selectTimes() + conditions.where() + " and f.outcome = 'ACCEPTED'")
                .params(params)
                .query(rs -> {
                    WorkingCalendar working = SlaClock.WORKING.name().equals(rs.getString("sla_clock"))
                            ? partnerCalendars.computeIfAbsent(rs.getString("offer_partner"), calendars::ofPartner)
                            : null;
                    times.add(rs.getString("group_key"), Durations.between(rs, "offered_at", "closed_at", working),
                            Durations.between(rs, "closed_at", "first_contact_at", working),
                            Durations.between(rs, "closed_at", "lead_closed_at"));
                });
        return times;
    }

    /** Times to accept, to first contact and to close, per group and in all. */
    private record Times(Map<String, Durations[]> byKey, Durations[] all) {

        void add(String key, Double toAccept, Double toContact, Double toClose) {
            Durations[] group = byKey.computeIfAbsent(key,
                    k -> new Durations[] {new Durations(), new Durations(), new Durations()});
            for (Durations[] durations : List.of(group, all)) {
                durations[0].add(toAccept);
                durations[1].add(toContact);
                durations[2].add(toClose);
            }
        }

        Hours[] of(String key) {
            Durations[] group = byKey.get(key);
            return group == null ? new Hours[3] : hours(group);
        }

        Hours[] total() {
            return hours(all);
        }

        private static Hours[] hours(Durations[] durations) {
            return new Hours[] {durations[0].hours(), durations[1].hours(), durations[2].hours()};
        }
    }

    /** One group's counts: a partner (with its name and tier) or a tier, by {@code key}. */
    private record Counted(String key, String partnerName, String partnerTier, Counts counts) {
    }

    /** What {@link #MEASURES} counted for one group; counts add up, shares are worked out from them. */
    private record Counts(long offers, long answered, long accepted, long acceptedInTime, long declined,
            long acceptSlaMissed, long openOffers, long contactedInTime, long contactMissed, long withdrawals) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Counts read(ResultSet rs) throws SQLException {
            return new Counts(rs.getLong("offers"), rs.getLong("answered"), rs.getLong("accepted"),
                    rs.getLong("accepted_in_time"), rs.getLong("declined"), rs.getLong("accept_sla_missed"),
                    rs.getLong("open_offers"), rs.getLong("contacted_in_time"), rs.getLong("contact_sla_missed"),
                    rs.getLong("withdrawals"));
        }

        Counts plus(Counts other) {
            return new Counts(offers + other.offers, answered + other.answered, accepted + other.accepted,
                    acceptedInTime + other.acceptedInTime, declined + other.declined,
                    acceptSlaMissed + other.acceptSlaMissed, openOffers + other.openOffers,
                    contactedInTime + other.contactedInTime, contactMissed + other.contactMissed,
                    withdrawals + other.withdrawals);
        }

        Row row(String partnerId, String name, String tier, Hours[] hours) {
            return new Row(partnerId, name, tier, offers, answered, accepted, acceptedInTime,
                    Figures.share(acceptedInTime, answered), declined, acceptSlaMissed, openOffers, contactedInTime,
                    contactMissed, Figures.share(contactedInTime, contactedInTime + contactMissed), withdrawals,
                    hours[0], hours[1], hours[2]);
        }
    }

    private static final List<String> TIERS = Arrays.stream(PartnerTier.values()).map(Enum::name).toList();

    /** The SLA report: one row per partner or tier ({@code groupBy}), and the total. */
    public record Sla(ReportPeriod period, String groupBy, List<Row> rows, Row total) {

        public CsvTable table() {
            boolean byPartner = ReportDimension.PARTNER.parameter().equals(groupBy);
            List<String> header = new ArrayList<>(byPartner ? List.of("partner", "name", "tier") : List.of("tier"));
            header.addAll(Row.COLUMNS);
            return new CsvTable(header, rows.stream().map(row -> {
                List<Object> line = new ArrayList<>(byPartner
                        ? Arrays.asList(row.partnerId(), row.name(), row.tier()) : Arrays.<Object>asList(row.tier()));
                line.addAll(row.measures());
                return line;
            }).toList());
        }
    }

    /** The SLA figures week by week of the leads' arrival, of one partner or tier where they are named. */
    public record Weekly(ReportPeriod period, String partner, String tier, List<Week> weeks) {

        public CsvTable table() {
            List<String> header = new ArrayList<>(List.of("week"));
            header.addAll(Row.COLUMNS);
            return new CsvTable(header, weeks.stream().map(week -> {
                List<Object> line = new ArrayList<>(List.of(week.week()));
                line.addAll(week.figures().measures());
                return line;
            }).toList());
        }
    }

    /** A week (the date of its Monday) and the SLA figures of the offers of the leads received in it. */
    public record Week(LocalDate week, @JsonUnwrapped Row figures) {
    }

    /**
     * One partner's (or tier's, or everyone's) offers. {@code answered}: accepted, declined or let
     * run out; {@code openOffers}: not answered yet; hours left out when nothing was measured.
     */
    public record Row(String partnerId, String name, String tier, long offers, long answered, long accepted,
            long acceptedInTime, BigDecimal acceptedInTimeShare, long declined, long acceptSlaMissed, long openOffers,
            long contactedInTime, long contactSlaMissed, BigDecimal contactedInTimeShare, long withdrawals,
            Hours hoursToAccept, Hours hoursToFirstContact, Hours hoursToClose) {

        /** A week without offers. */
        static final Row NOTHING = new Row(null, null, null, 0, 0, 0, 0, null, 0, 0, 0, 0, 0, null, 0, null, null, null);

        static final List<String> COLUMNS = List.of("offers", "answered", "accepted", "accepted_in_time",
                "accepted_in_time_share", "declined", "accept_sla_missed", "open_offers", "contacted_in_time",
                "contact_sla_missed", "contacted_in_time_share", "withdrawals", "median_hours_to_accept",
                "p90_hours_to_accept", "median_hours_to_first_contact", "p90_hours_to_first_contact",
                "median_hours_to_close", "p90_hours_to_close");

        List<Object> measures() {
            return Arrays.asList(offers, answered, accepted, acceptedInTime, acceptedInTimeShare, declined,
                    acceptSlaMissed, openOffers, contactedInTime, contactSlaMissed, contactedInTimeShare, withdrawals,
                    median(hoursToAccept), p90(hoursToAccept), median(hoursToFirstContact), p90(hoursToFirstContact),
                    median(hoursToClose), p90(hoursToClose));
        }

        private static BigDecimal median(Hours hours) {
            return hours == null ? null : hours.median();
        }

        private static BigDecimal p90(Hours hours) {
            return hours == null ? null : hours.p90();
        }
    }
}
