package io.leadbridge.routing;

import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.springframework.stereotype.Component;

/** The {@code leadQualification} table (decisions/lead-qualification.dmn): segment, grade and route. */
@Component
public class LeadQualificationRules {

    public static final String DECISION = "leadQualification";

    private final DeployedDecisions decisions;

    LeadQualificationRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    public Qualification evaluate(Map<String, Object> facts) {
        return read(decisions.evaluate(DECISION, facts), facts);
    }

    /** What a result of the table says; also used by the what-if replay, which evaluates candidate tables. */
    public static Qualification read(DmnDecisionResult result, Map<String, Object> facts) {
        if (result.isEmpty()) {
            throw new DecisionTableException(DECISION, "no rule matched " + facts);
        }
        DecisionOutputs row = new DecisionOutputs(DECISION, result.getFirstResult().getEntryMap());
        return new Qualification(row.requiredText("segment"), row.requiredText("grade"),
                row.requiredEnum("route", Qualification.Route.class));
    }
}
