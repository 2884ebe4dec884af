package io.leadbridge.contactcheck;

/**
 * Where a customer contact check stands: SCHEDULED until its time comes; then SKIPPED (nobody to
 * ask, or no need), or SENT; a sent check ends CONFIRMED (the customer says yes), DENIED (the
 * customer says no) or UNANSWERED (the answer window ran out).
 */
public enum ContactCheckStatus {
    SCHEDULED, SKIPPED, SENT, CONFIRMED, DENIED, UNANSWERED
}
