package io.leadbridge.routing;

import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerTier;
import java.util.Set;

/** What a partner must have to receive a lead, from the {@code partnerEligibility} table. */
public record PartnerRequirements(PartnerTier minimumTier, Set<String> competencies, Set<String> certifications,
        Set<String> territories, int competitors) {

    public PartnerRequirements(PartnerTier minimumTier, Set<String> competencies, Set<String> certifications,
            Set<String> territories) {
        this(minimumTier, competencies, certifications, territories, 0);
    }

    /** Whether the table lets the lead go to several partners at once (open competition). */
    public boolean allowsCompetition() {
        return competitors >= 2;
    }

    /**
     * Null when the partner has the tier, competencies and certifications asked for, otherwise
     * the first one it misses, in words. Territories are the selector's concern (regions).
     */
    public String missedBy(Partner partner) {
        if (!partner.tier().meets(minimumTier)) {
            return "tier " + partner.tier() + " is below " + minimumTier;
        }
        for (String competency : competencies) {
            if (!partner.competencies().contains(competency)) {
                return "lacks competency " + competency;
            }
        }
        for (String certification : certifications) {
            if (!partner.certifications().contains(certification)) {
                return "lacks certification " + certification;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("tier ").append(minimumTier == null ? "any" : minimumTier + "+");
        if (!territories.isEmpty()) {
            text.append(", covers ").append(String.join(", ", territories));
        }
        if (!competencies.isEmpty()) {
            text.append(", competencies ").append(String.join(", ", competencies));
        }
        if (!certifications.isEmpty()) {
            text.append(", certifications ").append(String.join(", ", certifications));
        }
        return text.toString();
    }
}
