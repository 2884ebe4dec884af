/**
 * The lead lifecycle process: its delegates, the business services they call ({@code LeadRouting},
 * {@code LeadHolding}, {@code LeadOutcomes}), the task completion checks, the process variable names
 * and the REST actions on a lead. Publishes the lead events of who holds a lead; calls no feature that
 * reacts to them.
 */
@ApplicationModule(displayName = "Lead lifecycle")
package io.leadbridge.lifecycle;

import org.springframework.modulith.ApplicationModule;
