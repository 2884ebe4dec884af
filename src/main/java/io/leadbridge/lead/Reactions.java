package io.leadbridge.lead;

/**
 * The order in which features react to a lead's change: the {@code @Order} of every listener of a
 * lead event ({@link LeadEvent}, {@link LeadOffered}, {@link LeadAccepted}, {@link LeadWithdrawn},
 * {@link AcceptReminded}, {@link PartnerRecordChanged}). Listeners run synchronously, in the thread
 * and transaction that changed the lead, in this order, so what they write commits or rolls back
 * with the change and their locks are taken in the order docs/architecture.md "Transactions" gives.
 * Kept in one place so that a reader sees the whole order, and a new listener takes its place in it.
 */
public final class Reactions {

    /** reporting: notes the lead; its facts are worked out just before the commit. */
    public static final int REPORT_FACTS = 100;
    /** rewards: the leaderboard's steps. */
    public static final int LEADERBOARD = 200;
    /** rewards: the points the event earns, into the ledger. */
    public static final int POINTS = 300;
    /** webhook: a delivery per subscribed webhook of the partner. */
    public static final int WEBHOOKS = 400;
    /** standing: a missed SLA is a strike, which starts the standing process. */
    public static final int STRIKES = 500;
    /** contactcheck: the customer contact check is scheduled at acceptance. */
    public static final int CONTACT_CHECKS = 600;
    /** routing: the partner is recounted just before the commit. */
    public static final int ROUTING_STATS = 700;

    private Reactions() {
    }
}
