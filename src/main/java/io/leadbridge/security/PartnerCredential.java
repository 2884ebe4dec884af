package io.leadbridge.security;

import java.time.Instant;

/** An API credential of a partner CRM as it is stored: never the secret, only who made it and its use. */
public record PartnerCredential(String clientId, String partnerId, String label, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant revokedAt, String revokedBy) {

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
