package io.leadbridge.lifecycle;

import io.leadbridge.routing.LeadDistribution;
import io.leadbridge.routing.PartnerSelector.Selection;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Select partner": the partnerEligibility table's requirements, then a fair choice among the eligible. */
@Component
class SelectPartnerDelegate implements JavaDelegate {

    private final LeadDistribution distribution;

    SelectPartnerDelegate(LeadDistribution distribution) {
        this.distribution = distribution;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Selection selection = distribution.selectPartner(LeadVariables.leadId(execution));
        LeadVariables.of(execution).selected(selection.found(), selection.partnerId(), selection.explanation());
        OfferedPartnerList.hold(execution, selection.partnerIds());
    }
}
