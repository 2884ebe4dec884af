package io.leadbridge.contactcheck;

/** Why a customer contact check was not sent when its time came. */
public enum SkipReason {
    LEAD_CLOSED("the lead is closed"),
    PARTNER_NO_LONGER_HOLDS_LEAD("the partner no longer holds the lead"),
    SUPERSEDED("the lead was accepted again since; the newer check asks"),
    CONTACT_OPTED_OUT("the contact asked not to be asked"),
    NO_EMAIL("the contact has no e-mail address");

    private final String description;

    SkipReason(String description) {
        this.description = description;
    }

    public String describe() {
        return description;
    }
}
