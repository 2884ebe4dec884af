package io.leadbridge.partner;

import java.time.Instant;

/**
 * A sales rep or lead manager of a partner; also a Camunda user in the partner's group (a lead
 * manager in the partner's managers group too).
 */
public record PartnerRep(String username, String partnerId, String firstName, String lastName, String email,
        PartnerRole role, Instant createdAt) {

    public boolean isLeadManager() {
        return role == PartnerRole.LEAD_MANAGER;
    }

    public String fullName() {
        return firstName + " " + lastName;
    }
}
