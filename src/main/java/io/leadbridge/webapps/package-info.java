/**
 * Camunda's Tasklist, Cockpit and Admin as users meet them ({@code WebappLoginRefusal}).
 */
@ApplicationModule(displayName = "Camunda webapps")
package io.leadbridge.webapps;

import org.springframework.modulith.ApplicationModule;
