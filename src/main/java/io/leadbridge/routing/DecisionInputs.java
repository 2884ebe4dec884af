package io.leadbridge.routing;

/**
 * The names under which the decision tables read a lead's facts, as their input expressions
 * spell them. Routing owns them with its tables; the lifecycle's process variables carry the
 * same names ({@code lifecycle.LeadVariables}), because the process's business rule tasks hand
 * its variables to the tables as they are.
 */
public final class DecisionInputs {

    public static final String LEAD_ID = "leadId";
    public static final String SCORE = "score";
    public static final String EMPLOYEES = "employees";
    public static final String ANNUAL_REVENUE = "annualRevenue";
    public static final String COUNTRY = "country";
    public static final String PRODUCT = "product";
    public static final String INDUSTRY = "industry";
    public static final String ACCOUNT_NAME = "accountName";
    public static final String ACCOUNT_DOMAIN = "accountDomain";
    public static final String CAMPAIGN = "campaign";
    /** What qualification found, read by the eligibility table. */
    public static final String SEGMENT = "segment";
    public static final String GRADE = "grade";

    private DecisionInputs() {
    }
}
