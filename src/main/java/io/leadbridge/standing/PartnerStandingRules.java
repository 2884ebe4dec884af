package io.leadbridge.standing;

import io.leadbridge.config.IsoDurations;
import io.leadbridge.partner.Standing;
import io.leadbridge.routing.DecisionTableException;
import io.leadbridge.routing.DeployedDecisions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** The {@code partnerStanding} table (decisions/partner-standing.dmn): good, warned or suspended. */
@Component
public class PartnerStandingRules {

    public static final String DECISION = "partnerStanding";

    private final DeployedDecisions decisions;

    PartnerStandingRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    public StandingVerdict evaluate(StandingFacts facts) {
        var inputs = Variables.createVariables()
                .putValue("strikes30", facts.strikes30())
                .putValue("strikes90", facts.strikes90())
                .putValue("acceptanceRate", facts.acceptanceRate());
        return read(decisions.evaluate(DECISION, inputs), inputs);
    }

    /** What a result of the table says; also used to check each row of a table before it is deployed. */
    public static StandingVerdict read(DmnDecisionResult result, Map<String, Object> inputs) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no rule matched " + inputs);
        }
        Map<String, Object> row = result.getFirstResult().getEntryMap();
        return new StandingVerdict(standing(row.get("standing")), probation(row.get("probation")));
    }

    private static Standing standing(Object value) {
        try {
            return Standing.valueOf(String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw new DecisionTableException(DECISION, "output 'standing' is '" + value + "', expected one of "
                    + Arrays.toString(Standing.values()));
        }
    }

    private static String probation(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            IsoDurations.after(Instant.EPOCH, value.toString().trim());
            return value.toString().trim();
        } catch (IllegalArgumentException e) {
            throw new DecisionTableException(DECISION, "output 'probation': " + e.getMessage());
        }
    }
}
