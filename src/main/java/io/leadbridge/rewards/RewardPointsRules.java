package io.leadbridge.rewards;

import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.DecisionTrace;
import io.leadbridge.routing.DecisionTrace.TracedDecision;
import io.leadbridge.routing.DeployedDecisions;
import io.leadbridge.routing.RuleAnnotations;
import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The {@code rewardPoints} table (decisions/reward-points.dmn): how many points a step on a lead
 * earns, and which row of which table version said so.
 */
@Component
public class RewardPointsRules {

    public static final String DECISION = "rewardPoints";

    private final DeployedDecisions decisions;
    private final DecisionTrace trace;
    private final RuleAnnotations annotations;

    RewardPointsRules(DeployedDecisions decisions, DecisionTrace trace, RuleAnnotations annotations) {
        this.decisions = decisions;
        this.trace = trace;
        this.annotations = annotations;
    }

    /** What the table knows about a step: its event type and the facts stored with it. */
    record Step(String eventType, Boolean onTime, String segment, BigDecimal dealValue, String withdrawalReason) {
    }

    /** The points of the matching row, its id and annotation, and the table version; empty when no row matches. */
    record Points(int points, String ruleId, String annotation, int decisionVersion) {
    }

    Optional<Points> evaluate(Step step) {
        VariableMap inputs = Variables.createVariables()
                .putValue("eventType", step.eventType())
                .putValue("onTime", step.onTime())
                .putValue("segment", step.segment())
                .putValue("dealValue", step.dealValue() == null ? null : step.dealValue().doubleValue())
                .putValue("withdrawalReason", step.withdrawalReason());
        DecisionTrace.Traced<DmnDecisionResult> traced =
                trace.record(() -> decisions.evaluate(DECISION, inputs));
        DmnDecisionResult result = traced.value();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        int points = pointsOf(result, step);
        TracedDecision table = traced.decisions().stream()
                .filter(d -> DECISION.equals(d.key()) && !d.ruleIds().isEmpty())
                .findFirst()
                .orElseThrow(() -> new DecisionTableException(DECISION, "the matching row was not traced"));
        String ruleId = table.ruleIds().get(0);
        return Optional.of(new Points(points, ruleId, annotations.of(table.definitionId(), ruleId),
                table.version()));
    }

    /** The points of the first matching row; also used to check each row of a table before it is deployed. */
    public static int pointsOf(DmnDecisionResult result, Object inputs) {
        Object points = result.getFirstResult().getEntry("points");
        if (!(points instanceof Number number)) {
            throw new DecisionTableException(DECISION, "output 'points' is not a whole number: " + points
                    + " (for " + inputs + ")");
        }
        return number.intValue();
    }
}
