package io.leadbridge.reporting;

import io.leadbridge.csv.CsvTable;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerService;
import io.leadbridge.standing.PartnerStanding;
import io.leadbridge.standing.PartnerStandings;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One partner's scorecard: its funnel, SLA compliance, pipeline and campaigns for the leads
 * received in the period (the same figures as the reports with {@code partner} set), its standing
 * now, and the strikes it earned in the period (by the strike's time).
 */
@Component
class PartnerScorecard {

    private final PartnerService partners;
    private final PartnerStandings standings;
    private final FunnelReport funnel;
    private final SlaReport sla;
    private final PipelineReport pipeline;
    private final CampaignReport campaigns;
    private final JdbcClient jdbc;

    PartnerScorecard(PartnerService partners, PartnerStandings standings, FunnelReport funnel, SlaReport sla,
            PipelineReport pipeline, CampaignReport campaigns, JdbcClient jdbc) {
        this.partners = partners;
        this.standings = standings;
        this.funnel = funnel;
        this.sla = sla;
        this.pipeline = pipeline;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    /** 404 when the partner does not exist. The filter's partner, tier and groupBy must be left out. */
    Scorecard report(String partnerId, ReportFilter filter) {
        filter.refuse("the scorecard's partner is the one in the path", "partner", "tier");
        filter.refuse("the scorecard is not grouped", "groupBy");
        Partner partner = partners.get(partnerId);
        ReportFilter own = filter.withPartner(partnerId);
        PartnerStanding standing = standings.current(partnerId);
        List<StrikeCount> strikes = jdbc.sql("""
                select kind, count(*) as strikes from partner_strike
                where partner_id = :partner and occurred_at >= :from and occurred_at < :to
                group by kind order by kind""")
                .param("partner", partnerId)
                .param("from", Timestamp.from(filter.period().from())).param("to", Timestamp.from(filter.period().to()))
                .query((rs, i) -> new StrikeCount(rs.getString("kind"), rs.getLong("strikes")))
                .list();
        return new Scorecard(filter.period(),
                new PartnerLabel(partner.id(), partner.name(), partner.tier().name(), partner.status().name()),
                new StandingNow(standing.standing().name(), standing.since(), standing.warnings(), standing.suspensions()),
                new Strikes(strikes.stream().mapToLong(StrikeCount::strikes).sum(), strikes),
                funnel.report(own).steps(), sla.report(own).total(), pipeline.report(own).total(),
                campaigns.report(own).campaigns());
    }

    /**
     * The scorecard. {@code sla} is the partner's SLA row, {@code pipeline} the leads it holds by
     * status and their opportunities, {@code campaigns} the campaign rows of those leads.
     */
    public record Scorecard(ReportPeriod period, PartnerLabel partner, StandingNow standing, Strikes strikes,
            List<FunnelReport.StepCount> funnel, SlaReport.Row sla, PipelineReport.Group pipeline,
            List<CampaignReport.Row> campaigns) {

        /**
         * The scorecard as one long table, {@code section, item, measure, value}: e.g.
         * {@code funnel,ACCEPTED,leads,4}, {@code sla,,accepted_in_time,3},
         * {@code pipeline,WON,leads,2}, {@code campaigns,autumn-launch,roi,11.000}; money also in the
         * reporting currency ({@code pipeline,WON EUR,converted_value,...}, {@code converted_roi}).
         */
        public CsvTable table() {
            List<List<Object>> rows = new ArrayList<>();
            add(rows, "partner", null, "id", partner.id());
            add(rows, "partner", null, "name", partner.name());
            add(rows, "partner", null, "tier", partner.tier());
            add(rows, "partner", null, "status", partner.status());
            add(rows, "standing", null, "standing", standing.standing());
            add(rows, "standing", null, "since", standing.since());
            add(rows, "standing", null, "warnings", standing.warnings());
            add(rows, "standing", null, "suspensions", standing.suspensions());
            add(rows, "strikes", null, "strikes", strikes.total());
            strikes.byKind().forEach(s -> add(rows, "strikes", s.kind(), "strikes", s.strikes()));
            for (FunnelReport.StepCount step : funnel) {
                add(rows, "funnel", step.step().name(), "leads", step.leads());
                add(rows, "funnel", step.step().name(), "conversion_from_previous", step.fromPrevious());
                add(rows, "funnel", step.step().name(), "conversion_from_received", step.fromReceived());
            }
            List<Object> measures = sla.measures();
            for (int i = 0; i < measures.size(); i++) {
                add(rows, "sla", null, SlaReport.Row.COLUMNS.get(i), measures.get(i));
            }
            add(rows, "pipeline", null, "leads", pipeline.leads());
            pipeline.statuses().forEach(s -> add(rows, "pipeline", s.status(), "leads", s.leads()));
            pipeline.opportunities().forEach(o -> {
                String item = o.stage() + " " + o.currency();
                add(rows, "pipeline", item, "opportunities", o.opportunities());
                add(rows, "pipeline", item, "value", o.value());
            });
            pipeline.converted().forEach(o -> {
                String item = o.stage() + " " + o.currency();
                add(rows, "pipeline", item, "converted_value", o.value());
                add(rows, "pipeline", item, "value_without_rate", CampaignReport.Campaigns.amounts(o.withoutRate()));
            });
            for (CampaignReport.Row c : campaigns) {
                add(rows, "campaigns", c.campaign(), "leads", c.leads());
                add(rows, "campaigns", c.campaign(), "followed_up", c.followedUp());
                add(rows, "campaigns", c.campaign(), "won", c.won());
                add(rows, "campaigns", c.campaign(), "lost", c.lost());
                add(rows, "campaigns", c.campaign(), "pending", c.pending());
                add(rows, "campaigns", c.campaign(), "won_value", c.wonValue());
                add(rows, "campaigns", c.campaign(), "cost_per_lead", c.costPerLead());
                add(rows, "campaigns", c.campaign(), "roi", c.roi());
                add(rows, "campaigns", c.campaign(), "reporting_currency", c.converted().currency());
                add(rows, "campaigns", c.campaign(), "converted_won_value", c.converted().wonValue());
                add(rows, "campaigns", c.campaign(), "won_value_without_rate",
                        CampaignReport.Campaigns.amounts(c.converted().wonValueWithoutRate()));
                add(rows, "campaigns", c.campaign(), "converted_roi", c.converted().roi());
            }
            return new CsvTable(List.of("section", "item", "measure", "value"), rows);
        }

        private static void add(List<List<Object>> rows, String section, String item, String measure, Object value) {
            rows.add(Arrays.asList(section, item, measure, value));
        }
    }

    public record PartnerLabel(String id, String name, String tier, String status) {
    }

    /** Where the partner stands now; {@code since} left out for a partner that never changed standing. */
    public record StandingNow(String standing, Instant since, int warnings, int suspensions) {
    }

    /** Strikes earned in the period, in all and by kind (ACCEPT_SLA_MISSED, CONTACT_SLA_MISSED, ...). */
    public record Strikes(long total, List<StrikeCount> byKind) {
    }

    public record StrikeCount(String kind, long strikes) {
    }
}
