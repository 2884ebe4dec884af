/**
 * Core record: the lead ({@code Lead}, {@code LeadStatus}, {@code LeadRepository}), its offers
 * ({@code LeadOfferLog}), its timeline ({@code LeadEventLog}), search and the CSV list, and the lead
 * events through which every other feature hears of a lead's change: {@code LeadEvent} (each
 * timeline entry), {@code LeadOffered}, {@code LeadAccepted}, {@code LeadWithdrawn},
 * {@code AcceptReminded}, {@code PartnerRecordChanged}, heard in the order {@code Reactions} gives;
 * who may see a lead and act on it ({@code LeadAccess}, judging the caller that {@code security}
 * names, and the partner's dispatch settings for a rep's view). Knows no feature above it.
 */
@ApplicationModule(displayName = "Leads",
        allowedDependencies = {"calendar", "config", "csv", "database", "partner", "security", "web"})
package io.leadbridge.lead;

import org.springframework.modulith.ApplicationModule;
