/**
 * The dashboard at {@code /}: {@code GET /api/me}; the page itself is static.
 */
@ApplicationModule(displayName = "Dashboard")
package io.leadbridge.dashboard;

import org.springframework.modulith.ApplicationModule;
