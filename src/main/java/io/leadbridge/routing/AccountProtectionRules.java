package io.leadbridge.routing;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/** The {@code accountProtection} table (decisions/account-protection.dmn): named accounts and their partner. */
@Component
public class AccountProtectionRules {

    public static final String DECISION = "accountProtection";

    private final DeployedDecisions decisions;

    AccountProtectionRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** What the table says; no matching row means an open account. */
    public Protection evaluate(Map<String, Object> facts) {
        return read(decisions.evaluate(DECISION, facts));
    }

    /** What a result of the table says; also used by the what-if replay, which evaluates candidate tables. */
    public static Protection read(DmnDecisionResult result) {
        if (result.isEmpty()) {
            return Protection.open();
        }
        DecisionOutputs row = new DecisionOutputs(DECISION, result.getFirstResult().getEntryMap());
        if (!"PROTECTED".equals(row.requiredText("protection"))) {
            return Protection.open();
        }
        return new Protection(true, row.requiredText("partnerId"), row.text("repUsername"));
    }

    /** A protected account's partner and rep (the rep may be unnamed), or an open account. */
    public record Protection(boolean isProtected, String partnerId, String repUsername) {
        static Protection open() {
            return new Protection(false, null, null);
        }
    }
}
