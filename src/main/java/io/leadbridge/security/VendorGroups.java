package io.leadbridge.security;

/**
 * The vendor's own Camunda groups. Partner groups are {@code partner-<partnerId>}, its lead managers
 * {@code partner-<partnerId>-managers}.
 */
public final class VendorGroups {

    /** Distribute, withdraw and reassign leads; review partners. */
    public static final String CHANNEL_MANAGERS = "channel-managers";
    /** Answer the support requests (special pricing) that channel managers left past their SLA. */
    public static final String CHANNEL_DIRECTORS = "channel-directors";
    /** Work the leads that qualification routes to the vendor's inside sales. */
    public static final String INSIDE_SALES = "inside-sales";
    /**
     * Change the rules: deploy decision tables and process models from Camunda Modeler, run what-if
     * replays, read definitions and decision history in Cockpit; nothing else.
     */
    public static final String BUSINESS_ANALYSTS = "business-analysts";
    /** Camunda's administrators group ({@code camunda.bpm.admin-user} is put in it). */
    public static final String ADMINS = "camunda-admin";

    public static final String PARTNER_GROUP_PREFIX = "partner-";
    /** A partner's lead managers are {@code partner-<partnerId>-managers}, next to {@code partner-<partnerId>}. */
    public static final String MANAGERS_GROUP_SUFFIX = "-managers";

    /** The group of the partner's lead managers. */
    public static String managersGroupOf(String partnerId) {
        return PARTNER_GROUP_PREFIX + partnerId + MANAGERS_GROUP_SUFFIX;
    }

    private VendorGroups() {
    }
}
