package io.leadbridge.webhook;

/** The lead events a partner may subscribe to; the name is sent as {@code event} and in {@code X-Leadbridge-Event}. */
public enum WebhookEvent {
    /** The lead was offered to the partner: accept or decline it by the accept deadline. */
    LEAD_OFFERED,
    /** The lead was taken away from the partner (missed SLA, another partner accepted first, a channel manager). */
    LEAD_WITHDRAWN,
    /** The partner's offer is still unanswered; the accept deadline is near. */
    ACCEPT_REMINDER
}
