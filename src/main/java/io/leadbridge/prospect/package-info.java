/**
 * Core record: accounts (matched by domain) and contacts (matched by e-mail), and
 * {@code AccountUpdated} when a later lead refreshes an account.
 */
@ApplicationModule(displayName = "Prospects", allowedDependencies = {"config", "database"})
package io.leadbridge.prospect;

import org.springframework.modulith.ApplicationModule;
