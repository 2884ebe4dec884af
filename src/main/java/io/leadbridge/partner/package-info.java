/**
 * Core record: partners, their capabilities and reps, how a partner stands ({@code Standing},
 * read through {@code StandingLookup}), the partner API; keeps Camunda's groups and users in step.
 */
@ApplicationModule(displayName = "Partners", allowedDependencies = {"config", "database", "security", "web"})
package io.leadbridge.partner;

import org.springframework.modulith.ApplicationModule;
