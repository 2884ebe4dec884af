package io.leadbridge.notification;

/** Why a partner or rep was mailed. */
public enum NotificationKind {
    LEAD_OFFERED, ACCEPT_REMINDER, LEAD_WITHDRAWN, CONTACT_REMINDER,
    // About a partner's standing, not about one lead (notification.lead_id is null).
    PARTNER_WARNED, PARTNER_SUSPENDED, PARTNER_REINSTATED
}
