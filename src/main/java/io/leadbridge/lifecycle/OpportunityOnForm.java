package io.leadbridge.lifecycle;

import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.opportunity.StatusUpdate;
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

    /**
     * The value the form field {@code field} opens with ({@code ${opportunityOnForm.of(execution,
     * 'opportunityStage')}}): one of the opportunity's fields as the form names them.
     */
    public String of(DelegateExecution report, String field) {
        return switch (field) {
            case StatusUpdate.STAGE -> shown(report, o -> o.stage().name());
            case StatusUpdate.AMOUNT -> shown(report, o -> o.amount().toPlainString());
            case StatusUpdate.CURRENCY -> shown(report, Opportunity::currency);
            case StatusUpdate.EXPECTED_CLOSE_DATE -> shown(report, o -> o.expectedCloseDate().toString());
            case StatusUpdate.PRODUCTS -> shown(report, o -> o.products().isEmpty() ? null
                    : String.join(", ", o.products()));
            default -> throw new IllegalArgumentException("the opportunity has no form field '" + field + "'");
        };
    }

    private String shown(DelegateExecution report, Function<Opportunity, String> field) {
        Optional<Opportunity> opportunity = opportunities.find(LeadVariables.leadId(report));
        return opportunity.map(field).orElse(null);
    }
}
