package io.leadbridge.lead;

/** What happened to a lead; every step of its life writes one event. */
public enum LeadEventType {
    CREATED, RESUBMITTED, QUALIFIED, ACCOUNT_PROTECTED, OFFERED, REMINDED, ACCEPTED, DECLINED, WITHDRAWN,
    ASSIGNED, UNASSIGNED, CONTACT_ATTEMPTED, CONTACTED, WON, LOST, INSIDE_SALES, NURTURE, DISQUALIFIED, NOTIFIED,
    /** A partner no longer holding the lead tried to act on it (a late accept, a CRM's stale update). */
    LATE_UPDATE_REFUSED,
    /** The rep asked the vendor for support (special pricing, pre-sales); the vendor's answer. */
    SUPPORT_REQUESTED, SUPPORT_APPROVED, SUPPORT_REJECTED,
    /** After first contact: the rep's progress notes, the opportunity and its changes. */
    STATUS_UPDATED, OPPORTUNITY_CREATED, OPPORTUNITY_UPDATED,
    /** A status update cycle passed without news; a channel manager chased the rep; the deal is past its close date. */
    STATUS_UPDATE_MISSED, STATUS_UPDATE_CHASED, OPPORTUNITY_STALE,
    /**
     * The vendor's check with the customer: asked, not asked (and why), the customer's yes or no,
     * no answer, the customer's opt-out. Vendor only: partner users do not see these.
     */
    CUSTOMER_CHECK_SENT, CUSTOMER_CHECK_SKIPPED, CUSTOMER_CONFIRMED_CONTACT, CUSTOMER_DENIED_CONTACT,
    CUSTOMER_CHECK_UNANSWERED, CUSTOMER_OPTED_OUT,
    /**
     * Inside the partner, the offer went to another rep or to the lead managers: the rep let the
     * inside SLA pass, or a lead manager reassigned it. The partner's own deadline stays.
     */
    OFFER_MOVED,
    /** A lead manager gave an accepted lead (its follow-up) to another rep of the partner, with a note. */
    REP_REASSIGNED;

    /** The customer's answers are the vendor's: partner users do not see these events. */
    public boolean isCustomerCheck() {
        return switch (this) {
            case CUSTOMER_CHECK_SENT, CUSTOMER_CHECK_SKIPPED, CUSTOMER_CONFIRMED_CONTACT, CUSTOMER_DENIED_CONTACT,
                    CUSTOMER_CHECK_UNANSWERED, CUSTOMER_OPTED_OUT -> true;
            default -> false;
        };
    }
}
