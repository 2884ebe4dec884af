/**
 * The Java side of the decision tables and their inputs ({@code DecisionInputs}), the fair choice among
 * eligible partners, the routing decisions and what routing counts of partners
 * ({@code PartnerRoutingStats}, kept by hearing {@code PartnerRecordChanged}).
 */
@ApplicationModule(displayName = "Routing")
package io.leadbridge.routing;

import org.springframework.modulith.ApplicationModule;
