package io.leadbridge.notification;

import java.time.Instant;
import java.util.List;

/**
 * The send steps' side of {@code notification}: the pending mails of a lead or of a partner,
 * locked, and their hand-over to the mail sender. Plain statements that read only what a send step
 * uses: Spring Data's mapping of whole rows (each with its mail body) was 6% of the job threads'
 * CPU in the SLA sweep, three send steps to a re-offered lead (docs/benchmarks.md "Throughput").
 */
interface PendingMails {

    /** A pending mail as a send step sees it: its row, the partner it concerns, its kind and recipient. */
    record PendingMail(long id, String partnerId, NotificationKind kind, String recipient) {
    }

    /** The lead's pending mails, locked so two send steps never mail the same one. */
    List<PendingMail> lockPending(long leadId);

    /** The partner's pending mails that concern no lead, locked so two send steps never mail the same one. */
    List<PendingMail> lockPendingForPartner(String partnerId);

    /** The send step ran: the mail sender may send these mails from {@code dueAt} on (one statement a step). */
    void queue(List<Long> ids, Instant dueAt);

    /** No mail server is configured: the mails are kept, and shown, but never sent. */
    void store(List<Long> ids, Instant now);
}
