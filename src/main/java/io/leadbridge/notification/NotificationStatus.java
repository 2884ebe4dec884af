package io.leadbridge.notification;

/** PENDING until the send step runs; then SENT, or STORED when no mail server is configured. */
public enum NotificationStatus {
    PENDING, SENT, STORED
}
