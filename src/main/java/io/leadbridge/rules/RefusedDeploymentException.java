package io.leadbridge.rules;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A deployment refused by {@link RuleDeploymentCheck}. Camunda's REST API answers a
 * {@link BadUserRequestException} with 400 and its message, so Camunda Modeler shows the analyst
 * which file, table, row and rule are wrong; the deployment's transaction is rolled back.
 */
class RefusedDeploymentException extends BadUserRequestException {

    RefusedDeploymentException(String message) {
        super(message);
    }
}
