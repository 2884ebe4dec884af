package io.leadbridge.routing;

import io.leadbridge.lifecycle.LeadVariables;
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
        values.put(LeadVariables.LEAD_ID, leadId);
        values.put(LeadVariables.SCORE, score);
        values.put(LeadVariables.EMPLOYEES, employees);
        values.put(LeadVariables.ANNUAL_REVENUE, annualRevenue);
        values.put(LeadVariables.COUNTRY, country);
        values.put(LeadVariables.PRODUCT, product);
        values.put(LeadVariables.INDUSTRY, industry);
        values.put(LeadVariables.ACCOUNT_NAME, accountName);
        values.put(LeadVariables.ACCOUNT_DOMAIN, accountDomain);
        values.put(LeadVariables.CAMPAIGN, campaign);
        return Variables.fromMap(values);
    }
}
