package io.leadbridge.notification;

/** Why a partner or rep was mailed. */
public enum NotificationKind {
    LEAD_OFFERED, ACCEPT_REMINDER, LEAD_WITHDRAWN, CONTACT_REMINDER
}
