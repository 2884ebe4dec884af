package io.leadbridge.simulation;

import io.leadbridge.simulation.SimulationTables.TableUsed;
import java.time.Instant;
import java.util.List;

/** What a replay found: the tables it used, and per partner, tier, route and segment, actual against simulated. */
record SimulationReport(Period period, List<TableUsed> tables, Counts counts, List<PartnerCount> partners,
        List<TierCount> tiers, List<Share> routes, List<Share> segments, List<ChangedLead> changedLeads,
        long changedLeadsTotal, long tookMillis) {

    /** Leads received in [from, to). */
    record Period(Instant from, Instant to) {
    }

    /** Leads replayed; routed to a partner actually and in the replay; with the same and with another partner. */
    record Counts(long leadsReplayed, long actuallyRoutedToPartner, long routedToPartner, long unchanged,
            long changed) {
    }

    record PartnerCount(String partnerId, String name, String tier, long actual, long simulated, long difference) {
    }

    record TierCount(String tier, long actual, long simulated) {
    }

    /** Leads per route or segment, as stored and as the candidate tables decide. */
    record Share(String value, long actual, long simulated) {
    }

    /** A lead whose partner would change (null: no partner), and why the replay decided so. */
    record ChangedLead(long leadId, String actualPartner, String simulatedPartner, String reason) {
    }
}
