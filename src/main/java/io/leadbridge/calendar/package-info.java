/**
 * Working calendars and working-time SLA clocks: the arithmetic, public holidays, the calendar in
 * force for a partner or the vendor, partners' calendars and closures and their API. Depends on the
 * partner records only.
 */
@ApplicationModule(displayName = "Working calendars", allowedDependencies = {"config", "partner", "security", "web"})
package io.leadbridge.calendar;

import org.springframework.modulith.ApplicationModule;
