package io.leadbridge.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.routing.DecisionInputs;
import org.junit.jupiter.api.Test;

/** The process hands its variables to the decision tables as they are: they carry the tables' input names. */
class DecisionInputNamesTest {

    @Test
    void theLeadsFactsTravelUnderTheNamesTheTablesRead() {
        assertThat(LeadVariables.LEAD_ID).isEqualTo(DecisionInputs.LEAD_ID);
        assertThat(LeadVariables.SCORE).isEqualTo(DecisionInputs.SCORE);
        assertThat(LeadVariables.EMPLOYEES).isEqualTo(DecisionInputs.EMPLOYEES);
        assertThat(LeadVariables.ANNUAL_REVENUE).isEqualTo(DecisionInputs.ANNUAL_REVENUE);
        assertThat(LeadVariables.COUNTRY).isEqualTo(DecisionInputs.COUNTRY);
        assertThat(LeadVariables.PRODUCT).isEqualTo(DecisionInputs.PRODUCT);
        assertThat(LeadVariables.INDUSTRY).isEqualTo(DecisionInputs.INDUSTRY);
        assertThat(LeadVariables.ACCOUNT_NAME).isEqualTo(DecisionInputs.ACCOUNT_NAME);
        assertThat(LeadVariables.ACCOUNT_DOMAIN).isEqualTo(DecisionInputs.ACCOUNT_DOMAIN);
        assertThat(LeadVariables.CAMPAIGN).isEqualTo(DecisionInputs.CAMPAIGN);
        assertThat(LeadVariables.SEGMENT).isEqualTo(DecisionInputs.SEGMENT);
        assertThat(LeadVariables.GRADE).isEqualTo(DecisionInputs.GRADE);
    }
}
