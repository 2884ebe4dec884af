package io.leadbridge.notification;

/**
 * PENDING until the process's send step runs. The step queues the mail for the mail sender
 * (QUEUED), or stores it when no mail server is configured (STORED). The mail sender claims a
 * queued mail (SENDING, for a limited time), sends it, and marks it SENT; a failed attempt puts it
 * back in the queue for a later attempt, a claim that runs out (a crash) makes it due again.
 */
public enum NotificationStatus {
    PENDING, QUEUED, SENDING, SENT, STORED
}
