/**
 * What a caller may see of a lead ({@code LeadViews}, {@code LeadView}): the lead with its account,
 * contact, SLA, deal and timeline, cut to what the caller may see; {@code GET /api/leads}. Above the
 * lead and the opportunity it shows; every API that answers with a lead asks it.
 */
@ApplicationModule(displayName = "Lead views")
package io.leadbridge.leadview;

import org.springframework.modulith.ApplicationModule;
