/**
 * The customer contact check: scheduled when a lead is accepted (heard as {@code LeadAccepted}), its
 * process, the signed links and the customer's public pages.
 */
@ApplicationModule(displayName = "Customer contact checks")
package io.leadbridge.contactcheck;

import org.springframework.modulith.ApplicationModule;
