package io.leadbridge.supportrequest;

/** A reviewer's answer to a support request. */
enum SupportDecision {
    APPROVE, REJECT
}
