package io.leadbridge.accountview;

import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.DeployedDecisions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/**
 * The {@code followOn} table (decisions/follow-on.dmn): after a product is bought, what the customer
 * will buy next, how many months after the win to offer it, and how long the partner that won the
 * account is protected on it. No matching row: no follow-on. The deployment check reads every row
 * with {@link #read}, so a row without a product or with a negative period is refused before it runs.
 */
@Component
public class FollowOnRules {

    public static final String DECISION = "followOn";

    private final DeployedDecisions decisions;

    FollowOnRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** The follow-on after a product, judged by the months since its win; empty when no row matches. */
    public Optional<FollowOn> next(String productBought, String segment, String industry, int monthsSinceWin) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("productBought", productBought);
        facts.put("segment", segment);
        facts.put("industry", industry);
        facts.put("monthsSinceWin", monthsSinceWin);
        return Optional.ofNullable(read(decisions.evaluate(DECISION, facts)));
    }

    /** What an answer of the table says: the first row's follow-on, or null when no row matched. */
    public static FollowOn read(DmnDecisionResult result) {
        if (result.isEmpty()) {
            return null;
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        if (!(row.get("followOnProduct") instanceof String product) || product.isBlank()) {
            throw new DecisionTableException(DECISION, "output 'followOnProduct' is empty");
        }
        return new FollowOn(product, notNegative(row, "offerAfterMonths"), notNegative(row, "protectionDays"));
    }

    private static int notNegative(Map<String, Object> row, String output) {
        if (!(row.get(output) instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
            throw new DecisionTableException(DECISION, "output '" + output + "' is not a whole number: "
                    + row.get(output));
        }
        if (number.intValue() < 0) {
            throw new DecisionTableException(DECISION, output + " must not be negative, is " + number.intValue());
        }
        return number.intValue();
    }

    /** A follow-on: the product, months after the win to offer it, days the winning partner is protected on it. */
    public record FollowOn(String product, int offerAfterMonths, int protectionDays) {
    }
}
