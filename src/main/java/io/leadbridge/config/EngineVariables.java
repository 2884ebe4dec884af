package io.leadbridge.config;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * How every process's variables read, whichever feature names them ({@code lifecycle.LeadVariables},
 * {@code standing.StandingVariables}, {@code supportrequest.SupportVariables}): kept here, below
 * them all, so no feature reaches into another's process for it.
 */
public final class EngineVariables {

    private EngineVariables() {
    }

    /** The variable as trimmed text; null when it is missing or blank. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
