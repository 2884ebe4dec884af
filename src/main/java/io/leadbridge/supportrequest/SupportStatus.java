package io.leadbridge.supportrequest;

/** OPEN until a channel manager (or, after escalation, a channel director) answers it. */
public enum SupportStatus {
    OPEN, APPROVED, REJECTED
}
