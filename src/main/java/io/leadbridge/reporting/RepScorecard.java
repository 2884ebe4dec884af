package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The partner's figures per rep for a period (issue 14): offers dispatched to the rep inside the
 * partner, offers it accepted (and in time), leads it reported first contact on in time, deals it
 * won. Vendor users, the partner's lead managers and its CRM see every rep; a rep sees its own row.
 */
@Component
class RepScorecard {

    private final PartnerService partners;
    private final JdbcClient jdbc;

    RepScorecard(PartnerService partners, JdbcClient jdbc) {
        this.partners = partners;
        this.jdbc = jdbc;
    }

    RepFigures report(String partnerId, ReportFilter filter, Caller caller) {
        if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
            throw ApiException.forbidden("you may only see your own partner's rep figures");
        }
        partners.get(partnerId);
        Map<String, Object> params = Map.of("partner", partnerId,
                "from", Timestamp.from(filter.period().from()), "to", Timestamp.from(filter.period().to()));
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("""
                select rep_username, count(*) from rep_assignment
                where partner_id = :partner and rep_username is not null
                  and assigned_at >= :from and assigned_at < :to
                group by rep_username""").params(params)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new long[5])[0] = rs.getLong(2);
                });
        jdbc.sql("""
                select actor, type, count(*), sum(case when on_time then 1 else 0 end) from lead_event
                where partner_id = :partner and type in ('ACCEPTED', 'CONTACTED', 'WON')
                  and occurred_at >= :from and occurred_at < :to
                group by actor, type""").params(params)
                .query(rs -> {
                    long[] rep = counts.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    switch (rs.getString(2)) {
                        case "ACCEPTED" -> {
                            rep[1] = rs.getLong(3);
                            rep[2] = rs.getLong(4);
                        }
                        case "CONTACTED" -> rep[3] = rs.getLong(4);
                        default -> rep[4] = rs.getLong(3);
                    }
                });
        boolean everyRep = !caller.isPlainRep();
        List<RepRow> rows = new ArrayList<>();
        for (PartnerRep rep : partners.reps(partnerId)) {
            if (everyRep || rep.username().equals(caller.username())) {
                long[] c = counts.getOrDefault(rep.username(), new long[5]);
                rows.add(new RepRow(rep.username(), rep.fullName(), rep.role().name(), c[0], c[1], c[2], c[3], c[4]));
            }
        }
        return new RepFigures(filter.period(), partnerId, rows);
    }

    /** One partner's rep figures for the period. */
    record RepFigures(ReportPeriod period, String partnerId, List<RepRow> reps) {

        CsvTable table() {
            List<List<Object>> rows = new ArrayList<>();
            for (RepRow r : reps) {
                rows.add(List.of(r.username(), r.name(), r.role(), r.offers(), r.accepted(), r.acceptedInTime(),
                        r.contactedInTime(), r.won()));
            }
            return new CsvTable(List.of("rep", "name", "role", "offers", "accepted", "accepted_in_time",
                    "contacted_in_time", "won"), rows);
        }
    }

    /**
     * A rep's figures: offers dispatched to it inside the partner, offers it accepted and how many of
     * them by the deadline, first contacts it reported by the deadline, deals it won.
     */
    record RepRow(String username, String name, String role, long offers, long accepted, long acceptedInTime,
            long contactedInTime, long won) {
    }
}
