package io.leadbridge.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * The {@code repAssignment} table (decisions/rep-assignment.dmn): which profile fields a rep must
 * match to receive a lead, and whether the partner's lead managers dispatch it by hand.
 */
@Component
public class RepAssignmentRules {

    public static final String DECISION = "repAssignment";

    private final DeployedDecisions decisions;

    RepAssignmentRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    public RepRequirements evaluate(InsideFacts facts) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(DecisionInputs.COUNTRY, facts.country());
        inputs.put(REGION, facts.region());
        inputs.put(DecisionInputs.PRODUCT, facts.product());
        inputs.put(DecisionInputs.INDUSTRY, facts.industry());
        inputs.put(DecisionInputs.SEGMENT, facts.segment());
        inputs.put(LANGUAGE, facts.language());
        return read(decisions.evaluate(DECISION, inputs), inputs);
    }

    /** The table's inputs that only this table reads. */
    static final String REGION = "region";
    static final String LANGUAGE = "language";

    /** What a result of the table says; also used to check each row before a table is deployed. */
    public static RepRequirements read(DmnDecisionResult result, Map<String, Object> inputs) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no rule matched " + inputs);
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        return new RepRequirements(flag(row, "matchTerritory"), flag(row, "matchProduct"),
                flag(row, "matchIndustry"), flag(row, "matchLanguage"), flag(row, "managersDispatch"));
    }

    private static boolean flag(Map<String, Object> row, String output) {
        Object value = row.get(output);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new DecisionTableException(DECISION, "output '" + output + "' must be true or false, is " + value);
    }

    /** The lead's facts the table reads (language and region may be unknown). */
    public record InsideFacts(String country, String region, String product, String industry, String segment,
            String language) {
    }

    /** Which profile fields must match, and whether the lead managers dispatch by hand. */
    public record RepRequirements(boolean matchTerritory, boolean matchProduct, boolean matchIndustry,
            boolean matchLanguage, boolean managersDispatch) {

        /** For the explanation: "territory, product, language". */
        public String describe() {
            List<String> fields = new ArrayList<>();
            if (matchTerritory) {
                fields.add("territory");
            }
            if (matchProduct) {
                fields.add("product");
            }
            if (matchIndustry) {
                fields.add("industry");
            }
            if (matchLanguage) {
                fields.add("language");
            }
            return fields.isEmpty() ? "nothing" : String.join(", ", fields);
        }
    }
}
