package io.leadbridge.partner;

import java.time.Instant;

/** A sales rep of a partner; also a Camunda user in the partner's group. */
public record PartnerRep(String username, String partnerId, String firstName, String lastName, String email,
        Instant createdAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
