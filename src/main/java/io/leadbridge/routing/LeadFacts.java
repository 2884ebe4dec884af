package io.leadbridge.routing;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/** The facts about a lead that the decision tables read. */
public record LeadFacts(long leadId, int score, Integer employees, Double annualRevenue, String country,
        String product, String industry, String accountName, String accountDomain, String campaign) {

    /** The facts as process variables (the process starts with them). */
    public VariableMap asVariables() {
        Map<String, Object> values = new HashMap<>();
        values.put(DecisionInputs.LEAD_ID, leadId);
        values.put(DecisionInputs.SCORE, score);
        values.put(DecisionInputs.EMPLOYEES, employees);
        values.put(DecisionInputs.ANNUAL_REVENUE, annualRevenue);
        values.put(DecisionInputs.COUNTRY, country);
        values.put(DecisionInputs.PRODUCT, product);
        values.put(DecisionInputs.INDUSTRY, industry);
        values.put(DecisionInputs.ACCOUNT_NAME, accountName);
        values.put(DecisionInputs.ACCOUNT_DOMAIN, accountDomain);
        values.put(DecisionInputs.CAMPAIGN, campaign);
        return Variables.fromMap(values);
    }
}
