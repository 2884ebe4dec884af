package io.leadbridge.accountview;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Component;

/**
 * The {@code followOn} table (decisions/follow-on.dmn): after a product is bought, what the customer
 * will buy next, how many months after the win to offer it, and how long the partner that won the
 * account is protected on it. No matching row: no follow-on.
 */
@Component
class FollowOnRules {

    static final String DECISION = "followOn";

    private final DecisionService decisions;

    FollowOnRules(DecisionService decisions) {
        this.decisions = decisions;
    }

    Optional<FollowOn> next(String productBought, String segment, String industry, int monthsSinceWin) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("productBought", productBought);
        facts.put("segment", segment);
        facts.put("industry", industry);
        facts.put("monthsSinceWin", monthsSinceWin);
        DmnDecisionResult result = decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        if (!(row.get("followOnProduct") instanceof String product) || product.isBlank()
                || !(row.get("offerAfterMonths") instanceof Number after)
                || !(row.get("protectionDays") instanceof Number days)) {
            throw new IllegalStateException("table " + DECISION + " answered without a follow-on product, "
                    + "offerAfterMonths or protectionDays: " + row);
        }
        return Optional.of(new FollowOn(product, after.intValue(), days.intValue()));
    }

    /** A follow-on: the product, months after the win to offer it, days the winning partner is protected on it. */
    record FollowOn(String product, int offerAfterMonths, int protectionDays) {
    }
}
