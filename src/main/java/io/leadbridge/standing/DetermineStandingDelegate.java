package io.leadbridge.standing;

import io.leadbridge.standing.PartnerStandings.Judgement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Determine standing": takes the partner's strikes waiting for a check (all of them, also those
 * recorded after this process started), then the partnerStanding table judges the partner's
 * strikes and acceptance rate.
 */
@Component
class DetermineStandingDelegate implements JavaDelegate {

    private final PartnerStandings standings;
    private final StandingChecksDue checksDue;

    DetermineStandingDelegate(PartnerStandings standings, StandingChecksDue checksDue) {
        this.standings = standings;
        this.checksDue = checksDue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String partnerId = StandingVariables.partnerId(execution);
        int strikesTaken = checksDue.take(partnerId);
        Judgement judgement = standings.judge(partnerId);
        execution.setVariable(StandingVariables.STRIKES_JUDGED, strikesTaken);
        execution.setVariable(StandingVariables.PARTNER_NAME, judgement.partner().name());
        execution.setVariable(StandingVariables.STRIKES_30, judgement.facts().strikes30());
        execution.setVariable(StandingVariables.STRIKES_90, judgement.facts().strikes90());
        execution.setVariable(StandingVariables.ACCEPTANCE_RATE, judgement.facts().acceptanceRate());
        execution.setVariable(StandingVariables.STANDING, judgement.verdict().standing().name());
        execution.setVariable(StandingVariables.PROBATION, judgement.verdict().probation());
        execution.setVariable(StandingVariables.CURRENT_STANDING, judgement.current().standing().name());
        execution.setVariable(StandingVariables.UNDER_REVIEW, judgement.underReview());
    }
}
