package io.leadbridge.lead;

/** How an offer of a lead to a partner ended. */
public enum OfferOutcome {
    ACCEPTED, DECLINED, WITHDRAWN, CLOSED
}
