package io.leadbridge.routing;

import io.leadbridge.partner.PartnerTier;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * The {@code partnerEligibility} table (decisions/partner-eligibility.dmn, hit policy COLLECT):
 * every matching row adds a requirement; the highest minimum tier of all rows applies.
 */
@Component
public class PartnerEligibilityRules {

    public static final String DECISION = "partnerEligibility";

    private final DeployedDecisions decisions;

    PartnerEligibilityRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** The table's inputs: what the lead is (from qualification) and asks for. */
    public static Map<String, Object> facts(String segment, String grade, String product, String industry,
            String country) {
        Map<String, Object> facts = new java.util.HashMap<>();
        facts.put(DecisionInputs.SEGMENT, segment);
        facts.put(DecisionInputs.GRADE, grade);
        facts.put(DecisionInputs.PRODUCT, product);
        facts.put(DecisionInputs.INDUSTRY, industry);
        facts.put(DecisionInputs.COUNTRY, country);
        return facts;
    }

    public PartnerRequirements evaluate(Map<String, Object> facts) {
        return read(decisions.evaluate(DECISION, facts));
    }

    /** What a result of the table says; also used by the what-if replay, which evaluates candidate tables. */
    public static PartnerRequirements read(DmnDecisionResult result) {
        PartnerTier minimumTier = null;
        var competencies = new TreeSet<String>();
        var certifications = new TreeSet<String>();
        var territories = new TreeSet<String>();
        int competitors = 0;
        for (DmnDecisionResultEntries entries : result) {
            DecisionOutputs row = new DecisionOutputs(DECISION, entries.getEntryMap());
            if (row.text("minimumTier") != null) {
                PartnerTier tier = row.requiredEnum("minimumTier", PartnerTier.class);
                minimumTier = minimumTier == null || tier.compareTo(minimumTier) > 0 ? tier : minimumTier;
            }
            addIfPresent(competencies, row.text("competency"));
            addIfPresent(certifications, row.text("certification"));
            addIfPresent(territories, row.text("territory"));
            if ("true".equals(row.text("openCompetition")) && row.text("competitors") != null) {
                competitors = Math.max(competitors, row.requiredInt("competitors"));
            }
        }
        return new PartnerRequirements(minimumTier, competencies, certifications, territories, competitors);
    }

    private static void addIfPresent(TreeSet<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value);
        }
    }
}
