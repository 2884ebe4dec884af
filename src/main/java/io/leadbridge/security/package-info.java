/**
 * Who the caller is and what it may reach: HTTP Basic against Camunda users, the caller's role
 * ({@code Caller}), groups, grants and Tasklist filters, the engine-wide doors, the password policy.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"config", "web"})
package io.leadbridge.security;

import org.springframework.modulith.ApplicationModule;
