package io.leadbridge.standing;

import java.util.List;
import io.leadbridge.config.EngineVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Names of the standing process's variables and steps, in one place. The partner id is the
 * business key; variables hold the judged facts and the review's answer, never whole records.
 */
final class StandingVariables {

    static final String PROCESS_KEY = "partnerStanding";

    static final String TASK_DETERMINE_STANDING = "Task_DetermineStanding";
    static final String TASK_REVIEW = "Task_ReviewSuspendedPartner";
    static final String TASK_REVIEW_ON_PROBATION = "Task_ReviewSuspendedPartnerOnProbation";
    static final List<String> REVIEW_TASKS = List.of(TASK_REVIEW, TASK_REVIEW_ON_PROBATION);
    /** Where a reinstatement through the API starts a process when no review is open. */
    static final String TASK_REINSTATE_PARTNER = "Task_ReinstatePartner";

    // The strike that started the process (for Cockpit readers).
    static final String STRIKE_KIND = "strikeKind";
    static final String STRIKE_LEAD_ID = "strikeLeadId";
    /** How many strikes waited for this check: the one that started it and those recorded before it ran. */
    static final String STRIKES_JUDGED = "strikesJudged";

    // What "Determine standing" found.
    static final String PARTNER_NAME = "partnerName";
    static final String STRIKES_30 = "strikes30";
    static final String STRIKES_90 = "strikes90";
    static final String ACCEPTANCE_RATE = "acceptanceRate";
    /** The standing the table calls for. */
    static final String STANDING = "standing";
    static final String PROBATION = "probation";
    /** The partner's standing before this strike. */
    static final String CURRENT_STANDING = "currentStanding";
    /** Whether a "Review suspended partner" task of this partner is open already. */
    static final String UNDER_REVIEW = "underReview";

    // The suspension and its review.
    static final String SUSPENSION_REASON = "suspensionReason";
    static final String PROBATION_ENDS_AT = "probationEndsAt";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_NOTE = "reviewNote";
    static final String REVIEWER = "reviewer";

    private StandingVariables() {
    }

    /** The partner of the process: its business key, never a variable a task completion could overwrite. */
    static String partnerId(DelegateExecution execution) {
        return execution.getProcessBusinessKey();
    }

    static String text(VariableScope scope, String name) {
        return EngineVariables.text(scope, name);
    }

    static StandingFacts facts(VariableScope scope) {
        return new StandingFacts(((Number) scope.getVariable(STRIKES_30)).intValue(),
                ((Number) scope.getVariable(STRIKES_90)).intValue(), (Double) scope.getVariable(ACCEPTANCE_RATE));
    }
}
