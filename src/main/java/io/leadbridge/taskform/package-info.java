/**
 * The answers Tasklist and {@code /engine-rest} give to user tasks, checked against the deployed
 * form before the engine takes them ({@code TaskAnswerGuard}).
 */
@ApplicationModule(displayName = "Task forms", allowedDependencies = {"web"})
package io.leadbridge.taskform;

import org.springframework.modulith.ApplicationModule;
