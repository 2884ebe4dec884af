package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Picks the partner for the next offer of a lead: an active partner that meets the requirements
 * of the eligibility table, covers the lead's segment, industry and product where it names
 * them, has room under its capacity and never had this lead. Among equals it takes the one
 * that waited longest for an offer (never offered first), ties broken by id, so leads spread
 * evenly and a replay gives the same answer.
 */
@Component
public class PartnerSelector {

    private final PartnerRepository partners;
    private final LeadOfferLog offers;

    PartnerSelector(PartnerRepository partners, LeadOfferLog offers) {
        this.partners = partners;
        this.offers = offers;
    }

    public Selection select(long leadId, PartnerRequirements requirements, String segment, String industry,
            String product) {
        Set<String> hadIt = new HashSet<>(offers.partnersThatHad(leadId));
        List<Partner> active = partners.findActive();
        Map<String, Integer> open = partners.openLeadCounts(active.stream().map(Partner::id).toList());
        List<Partner> eligible = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Partner partner : active) {
            String reason = skipReason(partner, requirements, segment, industry, product, hadIt, open);
            if (reason == null) {
                eligible.add(partner);
            } else {
                skipped.add(partner.id() + ": " + reason);
            }
        }
        Map<String, Instant> lastOffered = offers.lastOfferedAt(eligible.stream().map(Partner::id).toList());
        Optional<Partner> chosen = eligible.stream()
                .min(Comparator.comparing((Partner p) -> lastOffered.getOrDefault(p.id(), Instant.MIN))
                        .thenComparing(Partner::id));
        return new Selection(chosen.map(Partner::id).orElse(null), eligible.size(), requirements, skipped);
    }

    private static String skipReason(Partner partner, PartnerRequirements requirements, String segment,
            String industry, String product, Set<String> hadIt, Map<String, Integer> open) {
        if (hadIt.contains(partner.id())) {
            return "already had this lead";
        }
        String missed = requirements.missedBy(partner);
        if (missed != null) {
            return missed;
        }
        if (!partner.segments().isEmpty() && !partner.segments().contains(segment)) {
            return "does not serve segment " + segment;
        }
        if (industry != null && !partner.industries().isEmpty() && !partner.industries().contains(industry)) {
            return "does not serve industry " + industry;
        }
        if (!partner.products().isEmpty() && !partner.products().contains(product)) {
            return "does not sell " + product;
        }
        if (open.getOrDefault(partner.id(), 0) >= partner.capacity()) {
            return "at capacity (" + partner.capacity() + " open leads)";
        }
        return null;
    }

    /** The chosen partner (null when none is eligible) and how the choice came about. */
    public record Selection(String partnerId, int eligibleCount, PartnerRequirements requirements,
            List<String> skipped) {

        public boolean found() {
            return partnerId != null;
        }

        public String explanation() {
            return found()
                    ? "chosen among " + eligibleCount + " eligible partner(s); requirements: " + requirements
                    : "no eligible partner; requirements: " + requirements;
        }
    }
}
