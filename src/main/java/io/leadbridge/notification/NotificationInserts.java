package io.leadbridge.notification;

/**
 * Adds pending mails, one plain insert each. A lead's steps add more notifications than anything
 * else they write (a re-offer four to six), and Spring Data's {@code save} of a new row cost the
 * job threads several times the statement itself (docs/benchmarks.md "Throughput").
 */
interface NotificationInserts {

    /** A mail about one lead, waiting for its process's send step. */
    void add(long leadId, String partnerId, NotificationKind kind, String recipient, String subject, String body);

    /** A mail about the partner as a whole (its standing, its deals), not about one lead. */
    void addForPartner(String partnerId, NotificationKind kind, String recipient, String subject, String body);
}
