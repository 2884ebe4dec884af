/**
 * The account view: a customer company with everything Leadbridge knows of it that the caller may
 * see — its contacts, leads, opportunities, won deals and timeline — and the search over accounts
 * ({@code /api/accounts}). A partner user sees only the leads its partner may see through the lead
 * API, and what hangs on them; vendor users see everything.
 */
@ApplicationModule(displayName = "Account view")
package io.leadbridge.accountview;

import org.springframework.modulith.ApplicationModule;
