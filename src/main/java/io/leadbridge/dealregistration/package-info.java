/**
 * Deal registration: a partner registers an opportunity it found itself ({@code /api/deals}); the
 * {@code dealRegistration} process checks it for conflicts, lets the {@code dealApproval} table
 * approve, reject or send it to review, and keeps the approved partner protected on the account
 * for the registered products until the protection ends ({@code RegisteredProtection}, which the
 * lead lifecycle asks).
 */
@ApplicationModule(displayName = "Deal registration")
package io.leadbridge.dealregistration;

import org.springframework.modulith.ApplicationModule;
