package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.routing.PartnerPerformance.Rates;
import io.leadbridge.routing.PartnerRankingRules.RankingInput;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import io.leadbridge.routing.StrideRotation.Contender;
import io.leadbridge.routing.StrideRotation.Pick;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Picks the partner for the next offer of a lead. A partner is eligible when it is active, not
 * suspended, meets the eligibility table's requirements, serves the lead's segment, industry
 * and product where it names them, covers the territory, has room under its capacity, never had
 * this lead, and the ranking table gives it a weight above 0. Territory: partners covering the
 * lead's region come first; only if none is eligible do partners covering the whole country
 * compete. Among the eligible, {@link StrideRotation} shares the pool's leads by weight.
 */
@Component
public class PartnerSelector {

    private final PartnerDirectory directory;
    private final PartnerRepository partners;
    private final LeadOfferLog offers;
    private final StandingLookup standings;
    private final PartnerPerformance performance;
    private final PartnerRankingRules ranking;
    private final RotationPasses passes;

    PartnerSelector(PartnerDirectory directory, PartnerRepository partners, LeadOfferLog offers,
            StandingLookup standings, PartnerPerformance performance, PartnerRankingRules ranking,
            RotationPasses passes) {
        this.directory = directory;
        this.partners = partners;
        this.offers = offers;
        this.standings = standings;
        this.performance = performance;
        this.ranking = ranking;
        this.passes = passes;
    }

    /** What the lead asks of a partner. */
    public record LeadNeeds(String segment, String industry, String product, String country, String region,
            PartnerRequirements requirements) {
    }

    /** A candidate on its way through the checks. */
    private record Considered(Partner partner, boolean regional) {
    }

    public Selection select(long leadId, LeadNeeds needs) {
        return select(leadId, needs, 1);
    }

    /**
     * Up to {@code wanted} partners for the lead, in rotation order: for an open competition the
     * partners whose turns come next, each one's pass moving on as if it had received the lead.
     */
    public Selection select(long leadId, LeadNeeds needs, int wanted) {
        Map<String, String> hadIt = offers.partnersThatHad(leadId);
        Map<String, String> notGood = standings.notGood();
        List<Candidate> skipped = new ArrayList<>();
        List<Considered> fit = new ArrayList<>();
        int outsideTerritory = 0;
        for (Partner partner : directory.active()) {
            Boolean regional = territoryMatch(partner, needs);
            if (regional == null) {
                outsideTerritory++;
                continue;
            }
            String reason = staticSkip(partner, needs, hadIt, notGood);
            if (reason == null) {
                fit.add(new Considered(partner, regional));
            } else {
                skipped.add(new Candidate(partner.id(), null, reason));
            }
        }
        ranking.currentVersion();
        List<String> fitIds = fit.stream().map(c -> c.partner().id()).toList();
        Map<String, Integer> open = partners.openLeadCounts(fitIds);
        Map<String, Rates> rates = performance.of(fitIds);
        List<Considered> regional = new ArrayList<>();
        List<Considered> countryWide = new ArrayList<>();
        Map<String, Integer> weights = new HashMap<>();
        for (Considered considered : fit) {
            Partner partner = considered.partner();
            int openLeads = open.getOrDefault(partner.id(), 0);
            if (openLeads >= partner.capacity()) {
                skipped.add(new Candidate(partner.id(), null, "at capacity (" + openLeads + " of " + partner.capacity()
                        + " open leads)"));
                continue;
            }
            Rates r = rates.getOrDefault(partner.id(), Rates.NO_HISTORY);
            int weight = ranking.weight(new RankingInput(partner.tier().name(), r.acceptanceRate(), r.slaKeptRate(),
                    r.winRate(), (double) openLeads / partner.capacity(),
                    notGood.getOrDefault(partner.id(), StandingLookup.GOOD)));
            if (weight <= 0) {
                skipped.add(new Candidate(partner.id(), 0, "weight 0 in the partner ranking"));
                continue;
            }
            weights.put(partner.id(), weight);
            (considered.regional() ? regional : countryWide).add(considered);
        }
        boolean byRegion = !regional.isEmpty();
        List<Considered> pool = byRegion ? regional : countryWide;
        if (byRegion) {
            countryWide.forEach(c -> skipped.add(new Candidate(c.partner().id(), weights.get(c.partner().id()),
                    "covers " + needs.country() + " but not specifically " + needs.region()
                            + ", and partners of that region are available")));
        }
        String poolKey = poolKey(needs, byRegion);
        List<Contender> contenders = pool.stream()
                .map(c -> new Contender(c.partner().id(), weights.get(c.partner().id()))).toList();
        List<String> chosen = new ArrayList<>();
        if (!contenders.isEmpty()) {
            Map<String, Double> current = new HashMap<>(passes.lock(poolKey));
            List<Contender> remaining = new ArrayList<>(contenders);
            Map<String, Double> changed = new HashMap<>();
            while (chosen.size() < wanted) {
                Optional<Pick> pick = StrideRotation.choose(remaining, current);
                if (pick.isEmpty()) {
                    break;
                }
                Pick p = pick.get();
                current.putAll(p.joined());
                changed.putAll(p.joined());
                current.put(p.partnerId(), p.passAfter());
                changed.put(p.partnerId(), p.passAfter());
                chosen.add(p.partnerId());
                remaining.removeIf(c -> c.partnerId().equals(p.partnerId()));
            }
            changed.forEach((partnerId, pass) -> passes.save(poolKey, partnerId, pass));
        }
        List<Candidate> candidates = new ArrayList<>();
        contenders.forEach(c -> candidates.add(new Candidate(c.partnerId(), c.weight(), null)));
        candidates.addAll(skipped);
        return new Selection(List.copyOf(chosen), contenders.size(), needs, byRegion, poolKey, candidates,
                outsideTerritory);
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

    /** The chosen partner (null when none is eligible) and how the choice came about. */
    public record Selection(List<String> partnerIds, int eligibleCount, LeadNeeds needs, boolean byRegion,
            String poolKey, List<Candidate> candidates, int outsideTerritory) {

        /** The first chosen partner, null when none is eligible. */
        public String partnerId() {
            return partnerIds.isEmpty() ? null : partnerIds.get(0);
        }

        public boolean found() {
            return !partnerIds.isEmpty();
        }

        public String explanation() {
            String territory = byRegion ? "region " + needs.region() : needs.country();
            return found()
                    ? "chosen by weighted rotation among " + eligibleCount + " eligible partner(s) for " + territory
                            + "; requirements: " + needs.requirements()
                    : "no eligible partner; requirements: " + needs.requirements();
        }
    }
}
