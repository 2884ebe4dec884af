/**
 * Reports over the recorded history (pipeline, funnel, SLA, campaign ROI, scorecards, fairness), their
 * filters and formats, and the report facts kept in step by hearing every {@code LeadEvent}.
 */
@ApplicationModule(displayName = "Reporting")
package io.leadbridge.reporting;

import org.springframework.modulith.ApplicationModule;
