package io.leadbridge.simulation;

import io.leadbridge.lifecycle.LeadVariables;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.LeadFacts;
import io.leadbridge.routing.LeadQualificationRules;
import io.leadbridge.routing.PartnerChoice;
import io.leadbridge.routing.PartnerDirectory;
import io.leadbridge.routing.PartnerEligibilityRules;
import io.leadbridge.routing.PartnerPerformance;
import io.leadbridge.routing.PartnerPerformance.Rates;
import io.leadbridge.routing.PartnerRankingRules;
import io.leadbridge.routing.PartnerRankingRules.RankingInput;
import io.leadbridge.routing.PartnerRequirements;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.PartnerSelector.Selection;
import io.leadbridge.routing.Qualification;
import io.leadbridge.simulation.SimulationReport.ChangedLead;
import io.leadbridge.simulation.SimulationReport.Counts;
import io.leadbridge.simulation.SimulationReport.PartnerCount;
import io.leadbridge.simulation.SimulationReport.Period;
import io.leadbridge.simulation.SimulationReport.Share;
import io.leadbridge.simulation.SimulationReport.TierCount;
import io.leadbridge.simulation.SimulationTables.CandidateFile;
import io.leadbridge.web.InvalidInputException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The what-if replay: every lead received in a period goes again through qualification,
 * account protection, eligibility, ranking and the choice of partner, with the analyst's
 * candidate tables where given and the deployed ones otherwise, and the result is set against
 * where the lead actually went. Nothing is deployed and nothing is written: the tables run in a
 * DMN engine of the replay's own, the transaction is read-only, and the rotation is a fresh one
 * in memory per pool, fed the leads in order of arrival, so the same replay gives the same
 * answer. Partners, standings, open leads and performance are taken as of now.
 */
@Service
public class RoutingSimulation {

    private static final Logger log = LoggerFactory.getLogger(RoutingSimulation.class);

    /** The list of changed leads stops here; the total is still counted. */
    static final int MAX_CHANGED_LEADS_LISTED = 1_000;

    private final JdbcClient leads;
    private final PartnerDirectory directory;
    private final PartnerRepository partners;
    private final StandingLookup standings;
    private final PartnerPerformance performance;
    private final RepositoryService repository;

    RoutingSimulation(DataSource dataSource, PartnerDirectory directory, PartnerRepository partners,
            StandingLookup standings, PartnerPerformance performance, RepositoryService repository) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1_000);
        this.leads = JdbcClient.create(new NamedParameterJdbcTemplate(streaming));
        this.directory = directory;
        this.partners = partners;
        this.standings = standings;
        this.performance = performance;
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    public SimulationReport run(List<CandidateFile> candidates, Period period) {
        long started = System.nanoTime();
        SimulationTables tables = SimulationTables.of(candidates, repository);
        Replay replay = new Replay(tables);
        leads.sql("""
                select l.id, l.product, l.score, l.campaign, l.route, l.segment, a.name, a.domain, a.industry,
                       a.country, a.region, a.employees, a.annual_revenue, rd.id as decision_id, rd.winner,
                       case when rd.id is null and l.protected_account
                            then (select min(o.partner_id) from lead_offer o where o.lead_id = l.id and o.attempt = 1)
                       end as protected_partner
                from lead l
                join account a on a.id = l.account_id
                left join routing_decision rd on rd.lead_id = l.id and rd.attempt = 1
                where l.created_at >= :from and l.created_at < :to
                order by l.created_at, l.id, rd.id""")
                .param("from", Timestamp.from(period.from())).param("to", Timestamp.from(period.to()))
                .query(rs -> {
                    replay.lead(rs);
                });
        SimulationReport report = replay.report(period, (System.nanoTime() - started) / 1_000_000);
        log.info("routing replay of {} lead(s) received {} to {} with {}: {} would change partner ({} ms)",
                report.counts().leadsReplayed(), period.from(), period.to(), report.tables(),
                report.counts().changed(), report.tookMillis());
        return report;
    }

    /** One replay under way: the tables, the data as of now, the rotation in memory, the tallies. */
    private final class Replay {

        private final SimulationTables tables;
        private final List<Partner> active = directory.active();
        private final Map<String, Partner> activeById = active.stream()
                .collect(Collectors.toMap(Partner::id, Function.identity()));
        private final Map<String, Partner> everyPartner = partners.findAll().stream()
                .collect(Collectors.toMap(Partner::id, Function.identity()));
        private final Map<String, String> notGood = standings.notGood();
        private final List<String> activeIds = active.stream().map(Partner::id).toList();
        private final Map<String, Integer> openLeads = partners.openLeadCounts(activeIds);
        private final Map<String, Rates> rates = performance.of(activeIds);
        private final Map<RankingInput, Integer> weights = new HashMap<>();
        private final Map<String, Map<String, Double>> passes = new HashMap<>();
        private final PartnerChoice.Inputs choiceInputs;
        /** Active partners per country and region they cover: the replay hands the choice only those that can match. */
        private final Map<String, List<Partner>> byTerritory = new HashMap<>();

        private long lastLeadId = Long.MIN_VALUE;
        private long replayed;
        private long actuallyRouted;
        private long routed;
        private long changed;
        private final Map<String, long[]> byPartner = new TreeMap<>();
        private final Map<String, long[]> byRoute = new TreeMap<>();
        private final Map<String, long[]> bySegment = new TreeMap<>();
        private final List<ChangedLead> changedLeads = new ArrayList<>();

        Replay(SimulationTables tables) {
            this.tables = tables;
            PartnerChoice.Passes rotation = (poolKey, choice) -> {
                Map<String, Double> pool = passes.computeIfAbsent(poolKey, k -> new HashMap<>());
                PartnerChoice.Moves moves = choice.apply(Collections.unmodifiableMap(pool));
                moves.started().forEach(pool::putIfAbsent);
                moves.steps().forEach((partnerId, step) -> pool.merge(partnerId, step, Double::sum));
                return moves;
            };
            for (Partner partner : active) {
                partner.countries().forEach(c -> byTerritory.computeIfAbsent(c, k -> new ArrayList<>()).add(partner));
                partner.regions().forEach(r -> byTerritory.computeIfAbsent(r, k -> new ArrayList<>()).add(partner));
            }
            this.choiceInputs = new PartnerChoice.Inputs(active, Map.of(), notGood, this::openLeadsOf, this::ratesOf,
                    this::weight, rotation);
        }

        void lead(ResultSet rs) throws SQLException {
            long leadId = rs.getLong("id");
            if (leadId == lastLeadId) {
                return;  // a later first-attempt decision of the same lead: the first one counts
            }
            lastLeadId = leadId;
            String actual = rs.getObject("decision_id") != null ? rs.getString("winner")
                    : rs.getString("protected_partner");
            String industry = rs.getString("industry");
            String product = rs.getString("product");
            String country = rs.getString("country");
            var revenue = rs.getBigDecimal("annual_revenue");
            LeadFacts leadFacts = new LeadFacts(leadId, rs.getInt("score"), (Integer) rs.getObject("employees",
                    Integer.class), revenue == null ? null : revenue.doubleValue(), country, product, industry,
                    rs.getString("name"), rs.getString("domain"), rs.getString("campaign"));
            Map<String, Object> facts = new HashMap<>(leadFacts.asVariables());
            Outcome outcome;
            try {
                outcome = route(facts, new Place(industry, product, country, rs.getString("region")));
            } catch (DecisionTableException e) {
                throw new InvalidInputException("file", e.getMessage() + " (replaying lead " + leadId + ")");
            }
            replayed++;
            tally(byRoute, rs.getString("route"), outcome.route());
            tally(bySegment, rs.getString("segment"), outcome.segment());
            tally(byPartner, actual, outcome.partnerId());
            if (actual != null) {
                actuallyRouted++;
            }
            if (outcome.partnerId() != null) {
                routed++;
            }
            if (!Objects.equals(actual, outcome.partnerId())) {
                changed++;
                if (changedLeads.size() < MAX_CHANGED_LEADS_LISTED) {
                    changedLeads.add(new ChangedLead(leadId, actual, outcome.partnerId(), outcome.reason()));
                }
            }
        }

        /** Where the lead sits: what the selector needs besides the requirements. */
        private record Place(String industry, String product, String country, String region) {
        }

        private record Outcome(String route, String segment, String partnerId, String reason) {
        }

        /** The live path's steps, in its order, with the replay's tables and rotation. */
        private Outcome route(Map<String, Object> facts, Place place) {
            Qualification q = LeadQualificationRules.read(
                    tables.evaluate(LeadQualificationRules.DECISION, facts), facts);
            String route = q.route().name();
            if (q.route() != Qualification.Route.PARTNER) {
                return new Outcome(route, q.segment(), null, "qualified as " + q.segment() + " grade " + q.grade()
                        + ", route " + route + ": no partner");
            }
            facts.put(LeadVariables.SEGMENT, q.segment());
            facts.put(LeadVariables.GRADE, q.grade());
            facts.put(LeadVariables.ROUTE, route);
            Protection protection = AccountProtectionRules.read(
                    tables.evaluate(AccountProtectionRules.DECISION, facts));
            if (protection.isProtected() && activeById.containsKey(protection.partnerId())
                    && !StandingLookup.SUSPENDED.equals(notGood.get(protection.partnerId()))) {
                return new Outcome(route, q.segment(), protection.partnerId(),
                        "account protected for " + protection.partnerId());
            }
            PartnerRequirements requirements = PartnerEligibilityRules.read(tables.evaluate(
                    PartnerEligibilityRules.DECISION, PartnerEligibilityRules.facts(q.segment(), q.grade(),
                            place.product(), place.industry(), place.country())));
            // Open competition offers the lead to the next few of the rotation at once; the first of
            // them is the decision's winner, as the live path records it.
            int wanted = requirements.allowsCompetition() ? requirements.competitors() : 1;
            Selection selection = PartnerChoice.choose(new LeadNeeds(q.segment(), place.industry(), place.product(),
                    place.country(), place.region(), requirements), wanted, withPartners(mayCover(requirements, place)));
            return new Outcome(route, q.segment(), selection.partnerId(), selection.explanation());
        }

        /**
         * The partners that cover the first territory asked for, as a country or (for the lead's
         * country) by the lead's region: every partner the choice would not skip as outside the
         * territory, and fewer to look at than all of them.
         */
        private List<Partner> mayCover(PartnerRequirements requirements, Place place) {
            if (requirements.territories().isEmpty()) {
                return active;
            }
            String territory = requirements.territories().iterator().next();
            List<Partner> covering = byTerritory.getOrDefault(territory, List.of());
            if (place.region() == null || !territory.equals(place.country())
                    || !byTerritory.containsKey(place.region())) {
                return covering;
            }
            List<Partner> both = new ArrayList<>(covering);
            byTerritory.get(place.region()).stream().filter(p -> !covering.contains(p)).forEach(both::add);
            return both;
        }

        private PartnerChoice.Inputs withPartners(List<Partner> candidates) {
            return new PartnerChoice.Inputs(candidates, choiceInputs.hadIt(), choiceInputs.notGood(),
                    choiceInputs.openLeadCounts(), choiceInputs.rates(), choiceInputs.weight(), choiceInputs.passes());
        }

        private Map<String, Integer> openLeadsOf(Collection<String> partnerIds) {
            return openLeads;
        }

        private Map<String, Rates> ratesOf(Collection<String> partnerIds) {
            return rates;
        }

        /** The ranking table's weight, remembered per rounded input as the live ranking does. */
        private int weight(RankingInput input) {
            return weights.computeIfAbsent(input.rounded(), key -> {
                Map<String, Object> variables = key.asVariables();
                return PartnerRankingRules.read(tables.evaluate(PartnerRankingRules.DECISION, variables), variables);
            });
        }

        private static void tally(Map<String, long[]> counts, String actual, String simulated) {
            if (actual != null) {
                counts.computeIfAbsent(actual, k -> new long[2])[0]++;
            }
            if (simulated != null) {
                counts.computeIfAbsent(simulated, k -> new long[2])[1]++;
            }
        }

        SimulationReport report(Period period, long tookMillis) {
            List<PartnerCount> perPartner = new ArrayList<>();
            Map<PartnerTier, long[]> perTier = new TreeMap<>(Comparator.reverseOrder());
            Arrays.stream(PartnerTier.values()).forEach(t -> perTier.put(t, new long[2]));
            byPartner.forEach((id, n) -> {
                Partner partner = everyPartner.get(id);
                perPartner.add(new PartnerCount(id, partner == null ? null : partner.name(),
                        partner == null ? null : partner.tier().name(), n[0], n[1], n[1] - n[0]));
                if (partner != null) {
                    perTier.get(partner.tier())[0] += n[0];
                    perTier.get(partner.tier())[1] += n[1];
                }
            });
            perPartner.sort(Comparator.comparingLong((PartnerCount p) -> -Math.abs(p.difference()))
                    .thenComparing(PartnerCount::partnerId));
            List<TierCount> tiers = perTier.entrySet().stream()
                    .map(e -> new TierCount(e.getKey().name(), e.getValue()[0], e.getValue()[1])).toList();
            return new SimulationReport(period, tables.used(),
                    new Counts(replayed, actuallyRouted, routed, replayed - changed, changed), perPartner, tiers,
                    shares(byRoute), shares(bySegment), List.copyOf(changedLeads), changed, tookMillis);
        }

        private static List<Share> shares(Map<String, long[]> counts) {
            return counts.entrySet().stream().map(e -> new Share(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .toList();
        }
    }
}
