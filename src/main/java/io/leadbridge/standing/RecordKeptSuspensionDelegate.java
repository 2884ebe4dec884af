package io.leadbridge.standing;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record decision to keep suspended": the reviewer and the note go into the standing history. */
@Component
class RecordKeptSuspensionDelegate implements JavaDelegate {

    private final PartnerStandings standings;

    RecordKeptSuspensionDelegate(PartnerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        standings.keepSuspended(StandingVariables.partnerId(execution),
                StandingVariables.text(execution, StandingVariables.REVIEWER),
                StandingVariables.text(execution, StandingVariables.REVIEW_NOTE));
    }
}
