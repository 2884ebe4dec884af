package io.leadbridge.lifecycle;

import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The opportunity of record as the "Report progress or close the deal" form opens with it: each
 * report ("Report on the lead") starts its stage, amount, currency, close date and products from
 * the opportunity as it stands, in the report's own scope, so the rep changes only what changed.
 * Null for a lead not yet converted.
 */
@Component
public class OpportunityOnForm {

    private final OpportunityRepository opportunities;

    OpportunityOnForm(OpportunityRepository opportunities) {
        this.opportunities = opportunities;
    }

    public String stage(DelegateExecution report) {
        return shown(report, o -> o.stage().name());
    }

    public String amount(DelegateExecution report) {
        return shown(report, o -> o.amount().toPlainString());
    }

    public String currency(DelegateExecution report) {
        return shown(report, Opportunity::currency);
    }

    public String expectedCloseDate(DelegateExecution report) {
        return shown(report, o -> o.expectedCloseDate().toString());
    }

    public String products(DelegateExecution report) {
        return shown(report, o -> o.products().isEmpty() ? null : String.join(", ", o.products()));
    }

    private String shown(DelegateExecution report, Function<Opportunity, String> field) {
        Optional<Opportunity> opportunity = opportunities.find(LeadVariables.leadId(report));
        return opportunity.map(field).orElse(null);
    }
}
