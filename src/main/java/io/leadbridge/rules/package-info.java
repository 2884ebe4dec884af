/**
 * Rule files that analysts bring: decision tables (DMN) and process models (BPMN) uploaded for a
 * what-if replay or deployed through {@code /engine-rest} (Camunda Modeler) or Cockpit. Before
 * the engine uses such a file, it is checked here: decision tables evaluate FEEL only, and every
 * row of a table the application reads gives outputs the application can use; a process model
 * deployed by someone who is not an administrator carries no scripts, no Java classes and no
 * expression but plain references to variables and to Leadbridge's own delegates. The check runs
 * inside the engine's deployment ({@link io.leadbridge.rules.RuleDeploymentPlugin}), so every way
 * of deploying passes it, and a refused deployment leaves the version in force as it was.
 */
package io.leadbridge.rules;
