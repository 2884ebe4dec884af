package io.leadbridge.taskform;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A task completion with a variable its form does not have, or a value the form does not allow:
 * nothing is completed. A form validation failure, so {@code /engine-rest} and Tasklist answer
 * 400, as they do for Camunda's own form field validators.
 */
public class TaskAnswerRefused extends FormFieldValidationException {

    private final String variable;

    TaskAnswerRefused(String variable, String message) {
        super(variable, variable == null ? message : variable + ": " + message);
        this.variable = variable;
    }

    /** The refused variable; null when the whole submission is refused. */
    public String variable() {
        return variable;
    }
}
