package io.leadbridge.dealregistration;

import io.leadbridge.security.Caller;
import io.leadbridge.security.CallerProvider;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/reports/deals}: per partner, how many deals were registered, approved (whether
 * still protected, expired or stale since), rejected and still open, and how long a decision took
 * on average. Partner users see their own partner's line only.
 */
@RestController
class DealRegistrationReport {

    private final JdbcClient jdbc;
    private final CallerProvider callers;

    DealRegistrationReport(JdbcClient jdbc, CallerProvider callers) {
        this.jdbc = jdbc;
        this.callers = callers;
    }

    @GetMapping("/api/reports/deals")
    Report report() {
        Caller caller = callers.current();
        String partner = caller.isPartnerUser() ? caller.partnerId() : null;
        Map<String, Tally> tallies = new TreeMap<>();
        Tally total = new Tally();
        String sql = "select partner_id, status, registered_at, decided_at from deal_registration"
                + (partner == null ? "" : " where partner_id = :partner");
        var statement = jdbc.sql(sql);
        if (partner != null) {
            statement = statement.param("partner", partner);
        }
        statement.query(rs -> {
            Timestamp decided = rs.getTimestamp("decided_at");
            Duration took = decided == null ? null
                    : Duration.between(rs.getTimestamp("registered_at").toInstant(), decided.toInstant());
            DealStatus status = DealStatus.valueOf(rs.getString("status"));
            tallies.computeIfAbsent(rs.getString("partner_id"), p -> new Tally()).add(status, took);
            total.add(status, took);
        });
        List<Line> lines = new ArrayList<>();
        tallies.forEach((id, tally) -> lines.add(tally.line(id)));
        return new Report(lines, total.line(null));
    }

    record Report(List<Line> partners, Line total) {
    }

    /** One partner's (or, without a partner, everyone's) registrations; approval time in hours. */
    record Line(String partnerId, int registered, int approved, int rejected, int open, Double averageDecisionHours) {
    }

    private static final class Tally {
        private int registered;
        private int approved;
        private int rejected;
        private int open;
        private long decided;
        private Duration decisionTime = Duration.ZERO;

        void add(DealStatus status, Duration took) {
            registered++;
            switch (status) {
                case APPROVED, EXPIRED, STALE -> approved++;
                case REJECTED -> rejected++;
                case REGISTERED, IN_REVIEW -> open++;
            }
            if (took != null) {
                decided++;
                decisionTime = decisionTime.plus(took);
            }
        }

        Line line(String partnerId) {
            Double hours = decided == 0 ? null
                    : Math.round(decisionTime.toMinutes() / (double) decided / 60.0 * 100) / 100.0;
            return new Line(partnerId, registered, approved, rejected, open, hours);
        }
    }
}
