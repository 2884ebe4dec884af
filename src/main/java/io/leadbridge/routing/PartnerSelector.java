package io.leadbridge.routing;

import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.RoutingDecisionLog.Candidate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Picks the partner for the next offer of a lead. A partner is eligible when it is active, not
 * suspended, meets the eligibility table's requirements, serves the lead's segment, industry
 * and product where it names them, covers the territory, has room under its capacity, never had
 * this lead, and the ranking table gives it a weight above 0. Territory: partners covering the
 * lead's region come first; only if none is eligible do partners covering the whole country
 * compete. Among the eligible, {@link StrideRotation} shares the pool's leads by weight. The rules
 * themselves are in {@link PartnerChoice}; this class feeds them the live data and the stored
 * rotation: open leads and 90-day rates from {@link PartnerRoutingStats}, the ranking table's
 * version in force for the whole choice.
 */
@Component
public class PartnerSelector {

    private final PartnerDirectory directory;
    private final LeadOfferLog offers;
    private final StandingLookup standings;
    private final PartnerRoutingStats stats;
    private final PartnerRankingRules ranking;
    private final RotationPasses passes;

    PartnerSelector(PartnerDirectory directory, LeadOfferLog offers, StandingLookup standings,
            PartnerRoutingStats stats, PartnerRankingRules ranking, RotationPasses passes) {
        this.directory = directory;
        this.offers = offers;
        this.standings = standings;
        this.stats = stats;
        this.ranking = ranking;
        this.passes = passes;
    }

    /** What the lead asks of a partner. */
    public record LeadNeeds(String segment, String industry, String product, String country, String region,
            PartnerRequirements requirements) {
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
        String rankingVersion = ranking.currentVersion();
        // Only partners covering the lead's (first required) territory can qualify: look at those alone.
        List<Partner> candidates = needs.requirements().territories().isEmpty() ? directory.active()
                : directory.covering(needs.requirements().territories().iterator().next(), needs.region());
        PartnerRoutingStats.ChoiceView counts = stats.forChoice();
        return PartnerChoice.choose(needs, wanted, new PartnerChoice.Inputs(candidates, hadIt, notGood,
                counts::openLeadCounts, counts::rates, input -> ranking.weight(rankingVersion, input), passes));
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
