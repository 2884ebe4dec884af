package io.leadbridge.lead;

/** What happened to a lead; every step of its life writes one event. */
public enum LeadEventType {
    CREATED, RESUBMITTED, QUALIFIED, ACCOUNT_PROTECTED, OFFERED, REMINDED, ACCEPTED, DECLINED, WITHDRAWN,
    ASSIGNED, UNASSIGNED, CONTACT_ATTEMPTED, CONTACTED, WON, LOST, INSIDE_SALES, NURTURE, DISQUALIFIED, NOTIFIED
}
