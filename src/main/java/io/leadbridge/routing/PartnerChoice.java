package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.PartnerPerformance.Rates;
import io.leadbridge.routing.PartnerRankingRules.RankingInput;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.PartnerSelector.Selection;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import io.leadbridge.routing.StrideRotation.Contender;
import io.leadbridge.routing.StrideRotation.Pick;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The rules of choosing a partner, without the database: which partners may take the lead and
 * why the others are skipped, regions first, weights from the ranking, and the stride rotation
 * among the contenders. {@link PartnerSelector} calls it with the live data and the stored
 * rotation; the what-if replay calls it with data as of now and a rotation of its own, so both
 * choose by exactly the same rules.
 */
public final class PartnerChoice {

    private PartnerChoice() {
    }

    /** The rotation's passes per pool: stored for live routing, in memory for a replay. */
    public interface Passes {

        /**
         * Runs {@code choice} on the pool's passes as they stand (with every earlier choice in them)
         * and keeps the passes it moved; no other choice of the pool runs on them in between.
         */
        Moves rotate(String poolKey, Function<Map<String, Double>, Moves> choice);
    }

    /**
     * The passes a choice moved: partners new to the pool with their starting pass, and the
     * step each winner's pass moves on by (both in partner id order).
     */
    public record Moves(List<String> chosen, Map<String, Double> started, Map<String, Double> steps) {
    }

    /**
     * What the choice needs besides the lead: the active partners, the partners that already had
     * the lead (with how their offer ended), the partners whose standing is not GOOD, open leads
     * and performance rates of the partners asked for, the ranking table's weight, the passes.
     */
    public record Inputs(List<Partner> partners, Map<String, String> hadIt, Map<String, String> notGood,
            Function<Collection<String>, Map<String, Integer>> openLeadCounts,
            Function<Collection<String>, Map<String, Rates>> rates, ToIntFunction<RankingInput> weight,
            Passes passes) {
    }

    /** A candidate on its way through the checks. */
    private record Considered(Partner partner, boolean regional) {
    }

    /**
     * Up to {@code wanted} partners for the lead, in rotation order, each one's pass moving on as
     * if it had received the lead.
     */
    public static Selection choose(LeadNeeds needs, int wanted, Inputs inputs) {
        List<Candidate> skipped = new ArrayList<>();
        List<Considered> fit = new ArrayList<>();
        int outsideTerritory = 0;
        for (Partner partner : inputs.partners()) {
            Boolean regional = territoryMatch(partner, needs);
            if (regional == null) {
                outsideTerritory++;
                continue;
            }
            String reason = staticSkip(partner, needs, inputs.hadIt(), inputs.notGood());
            if (reason == null) {
                fit.add(new Considered(partner, regional));
            } else {
                skipped.add(new Candidate(partner.id(), null, reason));
            }
        }
        List<String> fitIds = fit.stream().map(c -> c.partner().id()).toList();
        Map<String, Integer> open = inputs.openLeadCounts().apply(fitIds);
        Map<String, Rates> rates = inputs.rates().apply(fitIds);
        List<Contender> regional = new ArrayList<>();
        List<Contender> countryWide = new ArrayList<>();
        for (Considered considered : fit) {
            Partner partner = considered.partner();
            int openLeads = open.getOrDefault(partner.id(), 0);
            if (openLeads >= partner.capacity()) {
                skipped.add(new Candidate(partner.id(), null, "at capacity (" + openLeads + " of " + partner.capacity()
                        + " open leads)"));
                continue;
            }
            Rates r = rates.getOrDefault(partner.id(), Rates.NO_HISTORY);
            int weight = inputs.weight().applyAsInt(new RankingInput(partner.tier().name(), r.acceptanceRate(),
                    r.slaKeptRate(), r.winRate(), (double) openLeads / partner.capacity(),
                    inputs.notGood().getOrDefault(partner.id(), StandingLookup.GOOD)));
            if (weight <= 0) {
                skipped.add(new Candidate(partner.id(), 0, "weight 0 in the partner ranking"));
                continue;
            }
            (considered.regional() ? regional : countryWide).add(new Contender(partner.id(), weight));
        }
        boolean byRegion = !regional.isEmpty();
        List<Contender> contenders = byRegion ? regional : countryWide;
        if (byRegion) {
            countryWide.forEach(c -> skipped.add(new Candidate(c.partnerId(), c.weight(),
                    "covers " + needs.country() + " but not specifically " + needs.region()
                            + ", and partners of that region are available")));
        }
        String poolKey = poolKey(needs, byRegion);
        List<String> chosen = contenders.isEmpty() ? List.of()
                : inputs.passes().rotate(poolKey, stored -> pick(contenders, wanted, stored)).chosen();
        List<Candidate> candidates = new ArrayList<>();
        contenders.forEach(c -> candidates.add(new Candidate(c.partnerId(), c.weight(), null)));
        candidates.addAll(skipped);
        return new Selection(List.copyOf(chosen), contenders.size(), needs, byRegion, poolKey, candidates,
                outsideTerritory);
    }

    /** Up to {@code wanted} winners in rotation order, each one's pass moving on as if it had received the lead. */
    private static Moves pick(List<Contender> contenders, int wanted, Map<String, Double> stored) {
        List<Contender> remaining = new ArrayList<>(contenders);
        // The passes as they stand during this choice: stored, unless moved by it.
        Map<String, Double> changed = new HashMap<>();
        Function<String, Double> current = id -> {
            Double moved = changed.get(id);  // passes are never null
            return moved != null ? moved : stored.get(id);
        };
        List<String> chosen = new ArrayList<>();
        Map<String, Double> started = new TreeMap<>();
        Map<String, Double> steps = new TreeMap<>();
        while (chosen.size() < wanted) {
            Optional<Pick> pick = StrideRotation.choose(remaining, current);
            if (pick.isEmpty()) {
                break;
            }
            Pick p = pick.get();
            p.joined().forEach(started::putIfAbsent);
            if (current.apply(p.partnerId()) == null) {
                started.put(p.partnerId(), p.passBefore());
            }
            changed.putAll(p.joined());
            changed.put(p.partnerId(), p.passAfter());
            steps.put(p.partnerId(), p.step());  // each partner is picked once per lead
            chosen.add(p.partnerId());
            remaining.removeIf(c -> c.partnerId().equals(p.partnerId()));
        }
        return new Moves(List.copyOf(chosen), started, steps);
    }

    /** TRUE: covers the lead's region; FALSE: covers its country whole; null: outside its territory. */
    private static Boolean territoryMatch(Partner partner, LeadNeeds needs) {
        for (String territory : needs.requirements().territories()) {
            boolean whole = partner.coversCountry(territory);
            boolean region = territory.equals(needs.country()) && partner.coversRegion(needs.region());
            if (!whole && !region) {
                return null;
            }
        }
        return needs.region() != null && partner.coversRegion(needs.region());
    }

    private static String staticSkip(Partner partner, LeadNeeds needs, Map<String, String> hadIt,
            Map<String, String> notGood) {
        if (hadIt.containsKey(partner.id())) {
            return "DECLINED".equals(hadIt.get(partner.id())) ? "declined this lead" : "already had this lead";
        }
        if (StandingLookup.SUSPENDED.equals(notGood.get(partner.id()))) {
            return "suspended";
        }
        String missed = needs.requirements().missedBy(partner);
        if (missed != null) {
            return missed;
        }
        if (!partner.segments().isEmpty() && !partner.segments().contains(needs.segment())) {
            return "does not serve segment " + needs.segment();
        }
        if (needs.industry() != null && !partner.industries().isEmpty()
                && !partner.industries().contains(needs.industry())) {
            return "does not serve industry " + needs.industry();
        }
        if (!partner.products().isEmpty() && !partner.products().contains(needs.product())) {
            return "does not sell " + needs.product();
        }
        return null;
    }

    /** Leads with the same needs share a rotation. */
    static String poolKey(LeadNeeds needs, boolean byRegion) {
        String text = String.join("|", String.valueOf(needs.segment()), String.valueOf(needs.industry()),
                String.valueOf(needs.product()), byRegion ? needs.region() : needs.country(),
                String.valueOf(needs.requirements()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
