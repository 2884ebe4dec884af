package io.leadbridge.taskform;

import io.leadbridge.web.InvalidInputException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion with a variable its form does not have, a value the form does not allow, or an
 * answer the step's own completion check refuses (a decline without a reason): nothing is
 * completed. A form validation failure, so {@code /engine-rest} and Tasklist answer 400, as they do
 * for Camunda's own form field validators.
 */
public class TaskAnswerRefused extends FormFieldValidationException {

    private final String variable;

    TaskAnswerRefused(String variable, String message) {
        super(variable, variable == null ? message : variable + ": " + message);
        this.variable = variable;
    }

    /**
     * The step's own check (its completion listener) refused the answer: every broken rule is in
     * {@code refusal}, kept as the cause; the first one names the variable.
     */
    TaskAnswerRefused(InvalidInputException refusal) {
        super(refusal.errors().isEmpty() ? null : refusal.errors().get(0).field(), refusal.getMessage(), refusal);
        this.variable = refusal.errors().isEmpty() ? null : refusal.errors().get(0).field();
    }

    /** The answer's broken rules when the step's own check refused it; null when the form's rules did. */
    public InvalidInputException refusal() {
        return getCause() instanceof InvalidInputException refusal ? refusal : null;
    }

    /** The refused variable; null when the whole submission is refused. */
    public String variable() {
        return variable;
    }
}
