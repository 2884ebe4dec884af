package io.leadbridge.lifecycle;

/** What a rep reports after trying to reach the prospect. */
public enum ContactOutcome {
    CONTACTED, NOT_REACHABLE, WON, LOST
}
