package io.leadbridge.dealregistration;

import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.DeployedDecisions;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The {@code dealApproval} table (decisions/deal-approval.dmn): approve, reject or review a registration. */
@Component
public class DealApprovalRules {

    public static final String DECISION = "dealApproval";

    private final DeployedDecisions decisions;

    DealApprovalRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    DealApproval evaluate(DealConflict conflict, BigDecimal amount, String partnerTier) {
        return read(decisions.evaluate(DECISION, Variables.createVariables()
                .putValue("conflict", conflict.name())
                .putValue("amount", amount.doubleValue())
                .putValue("partnerTier", partnerTier)));
    }

    /**
     * What a row says; every outcome must carry what its path needs, or the row is named as broken.
     * Also used by the deployment check ({@code rules.DecisionRows}), which reads every row.
     */
    public static DealApproval read(DmnDecisionResult result) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no row matched");
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        String outcome = text(row, "outcome");
        DealApproval.Outcome parsed;
        try {
            parsed = DealApproval.Outcome.valueOf(outcome);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DecisionTableException(DECISION, "output 'outcome' is '" + outcome
                    + "', expected APPROVE, REJECT or REVIEW");
        }
        DealApproval approval = new DealApproval(parsed, text(row, "reason"), text(row, "reviewSla"),
                text(row, "protectionPeriod"), text(row, "staleAfter"));
        String missing = approval.missingOutput();
        if (missing != null) {
            throw new DecisionTableException(DECISION, "output '" + missing + "' is empty for outcome " + outcome);
        }
        return approval;
    }

    private static String text(Map<String, Object> row, String output) {
        Object value = row.get(output);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
