package io.leadbridge.lifecycle;

/** Why a lead was taken away from a partner. */
public enum WithdrawalReason {
    ACCEPT_SLA_MISSED("not accepted within the accept SLA"),
    CONTACT_SLA_MISSED("no first contact reported within the contact SLA"),
    CHANNEL_MANAGER("withdrawn by a channel manager"),
    REASSIGNED("reassigned by a channel manager");

    private final String text;

    WithdrawalReason(String text) {
        this.text = text;
    }

    public String describe(String note) {
        return note == null || note.isBlank() ? text : text + ": " + note;
    }
}
