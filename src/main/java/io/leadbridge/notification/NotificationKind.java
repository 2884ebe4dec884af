package io.leadbridge.notification;

/** Why a partner or rep was mailed. */
public enum NotificationKind {
    LEAD_OFFERED, ACCEPT_REMINDER, LEAD_WITHDRAWN, CONTACT_REMINDER,
    // Inside the partner the offer went to the next rep or to the lead managers.
    OFFER_MOVED,
    // About a partner's standing, not about one lead (notification.lead_id is null).
    PARTNER_WARNED, PARTNER_SUSPENDED, PARTNER_REINSTATED,
    // About a rep's support request on a lead: the reviewers' reminder, the answer to the rep.
    SUPPORT_REVIEW_REMINDER, SUPPORT_ANSWERED, SUPPORT_REVIEW_ESCALATED,
    // After first contact: the rep's status update is overdue; the channel managers are asked to chase.
    STATUS_UPDATE_REMINDER, STATUS_UPDATE_OVERDUE,
    // The customer contact check: the question to the prospect; the channel managers told of a "no".
    CUSTOMER_CONTACT_CHECK, CUSTOMER_DENIED_CONTACT,
    // A partner's deal registration (notification.lead_id is null): the answer, the reviewers' reminder and
    // escalation, the end of its protection for want of updates.
    DEAL_REGISTRATION_ANSWERED, DEAL_REVIEW_REMINDER, DEAL_REVIEW_ESCALATED, DEAL_PROTECTION_ENDED,
    // The lead managers' daily digest of their partner's open offers (notification.lead_id is null).
    MANAGER_DIGEST,
    // A registered deal's status update is due soon.
    DEAL_UPDATE_REMINDER
}
