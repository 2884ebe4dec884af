package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The funnel of the leads received in the period: how many got how far, received → qualified →
 * offered → accepted → contacted → opportunity → won, and the conversion from each step to the
 * next. Each step counts the leads that reached it <em>and</em> every step before, so the funnel
 * only narrows.
 *
 * <ul>
 * <li>qualified: the qualification table sent the lead on to sales (route PARTNER or
 * INSIDE_SALES), not to nurture or out;</li>
 * <li>offered: it was offered to a partner; accepted: a partner accepted it;</li>
 * <li>contacted: the partner that accepted it reported first contact (CONTACTED, or WON or LOST
 * straight from first contact) or opened an opportunity;</li>
 * <li>opportunity: a partner opened an opportunity for it, or won it (a lead won straight from
 * first contact is an opportunity won);</li>
 * <li>won: the lead is WON by a partner.</li>
 * </ul>
 *
 * With {@code partner} (or {@code tier}) it is that partner's funnel: the leads offered to it,
 * and from "accepted" on what that partner did with them; "received", "qualified" and "offered"
 * then count the same leads.
 */
@Component
class FunnelReport {

    /** The steps in order. */
    public enum Step { RECEIVED, QUALIFIED, OFFERED, ACCEPTED, CONTACTED, OPPORTUNITY, WON }

    private final JdbcClient jdbc;

    FunnelReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Funnel report(ReportFilter filter) {
        filter.groupBy(List.of(), null, "funnel");
        LeadConditions conditions = LeadConditions.of(filter);
        // How far each lead got is kept in the report facts: for the whole funnel on the lead,
        // for a partner's (or tier's) on each offer, how far the lead got with that partner; a
        // lead offered to several of the partners named got as far as the furthest of them.
        String sql = filter.narrowsPartners()
                ? "select reached, count(*) as leads from (select f.lead_id, max(f.reached) as reached from report_offer f"
                        + conditions.partnerOn("f.partner_id").where() + " group by f.lead_id) r group by reached"
                : "select f.reached, count(*) as leads from report_lead f" + conditions.where() + " group by f.reached";
        long[] counts = new long[Step.values().length];
        jdbc.sql(sql).params(conditions.params()).query(rs -> {
            // A lead that got to step n counts for every step up to n.
            for (int step = 0; step <= rs.getInt("reached"); step++) {
                counts[step] += rs.getLong("leads");
            }
        });
        List<StepCount> steps = new ArrayList<>();
        for (Step step : Step.values()) {
            long leads = counts[step.ordinal()];
            steps.add(step == Step.RECEIVED ? new StepCount(step, leads, null, null)
                    : new StepCount(step, leads, Figures.share(leads, counts[step.ordinal() - 1]),
                            Figures.share(leads, counts[0])));
        }
        return new Funnel(filter.period(), filter.partner(), filter.tier() == null ? null : filter.tier().name(), steps);
    }

    /** The funnel of a period, of one partner or tier where they are named. */
    public record Funnel(ReportPeriod period, String partner, String tier, List<StepCount> steps) {

        public CsvTable table() {
            return new CsvTable(List.of("step", "leads", "conversion_from_previous", "conversion_from_received"),
                    steps.stream().<List<Object>>map(s -> Arrays.asList(s.step().name(), s.leads(),
                            s.fromPrevious(), s.fromReceived())).toList());
        }
    }

    /**
     * One step: {@code leads} that got this far, {@code fromPrevious} = leads / the previous step's
     * leads and {@code fromReceived} = leads / received (3 decimals; left out when dividing by 0).
     */
    public record StepCount(Step step, long leads, BigDecimal fromPrevious,
            BigDecimal fromReceived) {
    }
}
