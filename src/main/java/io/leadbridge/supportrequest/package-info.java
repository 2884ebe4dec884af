/**
 * Reps' support requests on a lead (special pricing, pre-sales), their process and review.
 */
@ApplicationModule(displayName = "Support requests")
package io.leadbridge.supportrequest;

import org.springframework.modulith.ApplicationModule;
