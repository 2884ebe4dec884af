package io.leadbridge.standing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record warning": counts the warning and writes the mail to the partner manager. */
@Component
class RecordWarningDelegate implements JavaDelegate {

    private final PartnerStandings standings;

    RecordWarningDelegate(PartnerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standings.warn(StandingVariables.partnerId(execution), StandingVariables.facts(execution));
    }
}
