package io.leadbridge.dealregistration;

/** A channel manager's answer to a deal registration under review. */
enum ReviewDecision {
    APPROVE, REJECT
}
