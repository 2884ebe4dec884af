/**
 * The closed loop after first contact: the opportunity record, a rep's report, what may be
 * reported when ({@code DealRules}) and how it is written ({@code DealProgress}).
 */
@ApplicationModule(displayName = "Opportunities")
package io.leadbridge.opportunity;

import org.springframework.modulith.ApplicationModule;
