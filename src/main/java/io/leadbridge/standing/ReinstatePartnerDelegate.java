package io.leadbridge.standing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Reinstate partner" (the reviewer and note of the review or of the API call) and "End
 * probation" (its inputs: reviewer {@code system}, note "probation over").
 */
@Component
class ReinstatePartnerDelegate implements JavaDelegate {

    private final PartnerStandings standings;

    ReinstatePartnerDelegate(PartnerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standings.reinstate(StandingVariables.partnerId(execution),
                StandingVariables.text(execution, StandingVariables.REVIEWER),
                StandingVariables.text(execution, StandingVariables.REVIEW_NOTE));
    }
}
