package io.leadbridge.opportunity;

/** What a rep reports on a contacted lead: progress, a new or changed opportunity, or the close. */
public enum DealAction {
    /** A progress note; nothing else changes. */
    NOTE,
    /** The contacted lead becomes an opportunity. */
    CONVERT,
    /** Stage, amount, currency, close date or products of the opportunity change. */
    UPDATE,
    WON,
    LOST
}
