/**
 * Framework glue every module may use: the {@code leadbridge.*} settings, the engine clock
 * ({@code LeadClock}), ISO-8601 duration arithmetic, which database runs, and how a process variable
 * reads as text ({@code EngineVariables}), and the job executor ({@code LeadJobExecutor}). Depends on no
 * other module.
 */
@ApplicationModule(displayName = "Configuration", allowedDependencies = {})
package io.leadbridge.config;

import org.springframework.modulith.ApplicationModule;
