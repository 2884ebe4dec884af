/**
 * {@code POST /api/leads} and the CSV import: the submission, its rules, and storing account,
 * contact and lead and starting the process in one transaction.
 */
@ApplicationModule(displayName = "Lead intake")
package io.leadbridge.intake;

import org.springframework.modulith.ApplicationModule;
