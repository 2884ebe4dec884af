/**
 * Partner standing: strikes (a missed SLA, heard as a {@code LeadWithdrawn} lead event; a customer's
 * "nobody called"), the standing table and process, every change of standing and its mails, and the
 * standing API.
 */
@ApplicationModule(displayName = "Partner standing")
package io.leadbridge.standing;

import org.springframework.modulith.ApplicationModule;
