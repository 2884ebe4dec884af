package io.leadbridge.standing;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record suspension": the partner gets no new offers from now on; its manager and the channel
 * managers are mailed. Sets when the probation ends (null: only a channel manager reinstates).
 */
@Component
class RecordSuspensionDelegate implements JavaDelegate {

    private final PartnerStandings standings;

    RecordSuspensionDelegate(PartnerStandings standings) {
        this.standings = standings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StandingFacts facts = StandingVariables.facts(execution);
        Instant probationEndsAt = standings.suspend(StandingVariables.partnerId(execution), facts,
                StandingVariables.text(execution, StandingVariables.PROBATION));
        execution.setVariable(StandingVariables.PROBATION_ENDS_AT,
                probationEndsAt == null ? null : Date.from(probationEndsAt));
        execution.setVariable(StandingVariables.SUSPENSION_REASON, facts.describe());
    }
}
