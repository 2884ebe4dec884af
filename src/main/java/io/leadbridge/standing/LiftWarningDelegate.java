package io.leadbridge.standing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Lift warning": a warned partner whose record no longer calls for a warning is in good standing again. */
@Component
class LiftWarningDelegate implements JavaDelegate {

    private final PartnerStandings standings;

    LiftWarningDelegate(PartnerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standings.liftWarning(StandingVariables.partnerId(execution), StandingVariables.facts(execution));
    }
}
