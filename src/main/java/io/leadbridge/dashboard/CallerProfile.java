package io.leadbridge.dashboard;

import io.leadbridge.partner.PartnerRole;
import java.util.List;

/**
 * Who is logged in, as {@code GET /api/me} tells the dashboard: the username (a partner CRM's
 * {@code clientId}), the name Camunda knows (left out for a CRM credential), the role that decides
 * what the caller sees, its partner (for a partner user), its role inside the partner (a person of the
 * partner: {@code LEAD_MANAGER} or {@code REP}; left out for a CRM credential and for vendor users) and its
 * Camunda groups.
 */
record CallerProfile(String username, String firstName, String lastName, Role role, String partnerId,
        String partnerName, PartnerRole partnerRole, List<String> groups) {

    /**
     * {@code CHANNEL_MANAGER}: channel managers and admins; {@code PARTNER}: a partner's rep or CRM,
     * who sees only its own partner; {@code VENDOR}: any other vendor user (inside sales, marketing),
     * who reads every partner's figures.
     */
    enum Role { CHANNEL_MANAGER, PARTNER, VENDOR }
}
