package io.leadbridge.security;

import java.util.Set;

/**
 * Who is calling the API: a partner rep (member of one partner group), a partner's lead manager
 * (also in {@code partner-<id>-managers}), a partner CRM (an API credential: its client id and its
 * partner's group), a channel manager, an administrator, or another vendor user such as a
 * marketing system.
 */
public record Caller(String username, Set<String> groups) {

    public boolean isChannelManager() {
        return groups.contains(VendorGroups.CHANNEL_MANAGERS) || groups.contains(VendorGroups.ADMINS);
    }

    /** Channel managers, business analysts and administrators may change the rules and replay them. */
    public boolean mayChangeRules() {
        return isChannelManager() || groups.contains(VendorGroups.BUSINESS_ANALYSTS);
    }

    /** The partner this user works for, or null for vendor users. */
    public String partnerId() {
        return groups.stream()
                .filter(g -> g.startsWith(VendorGroups.PARTNER_GROUP_PREFIX)
                        && !g.endsWith(VendorGroups.MANAGERS_GROUP_SUFFIX))
                .map(g -> g.substring(VendorGroups.PARTNER_GROUP_PREFIX.length()))
                .sorted()
                .findFirst()
                .orElse(null);
    }

    /** A partner CRM logged in with an API credential; otherwise it counts as a rep of its partner. */
    public boolean isPartnerCrm() {
        return PartnerCredentials.isClientId(username);
    }

    /**
     * A lead manager of its partner (group {@code partner-<id>-managers}): sees all the partner's
     * leads and tasks, dispatches them among the reps and edits the reps' profiles.
     */
    public boolean isLeadManager() {
        String partnerId = partnerId();
        return partnerId != null && !isChannelManager()
                && groups.contains(VendorGroups.managersGroupOf(partnerId));
    }

    /** A rep who is neither its partner's lead manager nor its CRM: sees what is assigned to it. */
    public boolean isPlainRep() {
        return isPartnerUser() && !isLeadManager() && !isPartnerCrm();
    }

    public boolean isPartnerUser() {
        return partnerId() != null && !isChannelManager();
    }

    /** Vendor users see every lead; partner users only their own partner's. */
    public boolean mayView(String leadPartnerId) {
        return !isPartnerUser() || (leadPartnerId != null && leadPartnerId.equals(partnerId()));
    }
}
