package io.leadbridge.standing;

/** A channel manager's answer on "Review suspended partner". */
enum ReviewDecision {
    REINSTATE, KEEP_SUSPENDED
}
