package io.leadbridge.security;

import io.leadbridge.config.LeadClock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API credentials of partner CRMs: a {@code clientId} and a secret that the CRM sends as HTTP
 * Basic on {@code /api/**}, and with which it acts as its partner, like a rep of it.
 *
 * <p>The secret is 32 random bytes from {@link SecureRandom} (256 bits), shown once when it is
 * issued. Only its SHA-256 hash is stored. A slow password hash (PBKDF2, bcrypt) exists to make
 * guessing low-entropy, human-chosen passwords expensive; a 256-bit random secret cannot be
 * guessed, so a stolen hash gives nothing away either way, while a slow hash would cost every
 * API call (there are no sessions: a CRM authenticates on each request) tens of milliseconds of
 * CPU and hand anyone with a client id a cheap way to load the server. Hashes are compared in
 * constant time.
 */
@Service
public class PartnerCredentials {

    /** Every client id starts so; no Camunda user may, so a login is never ambiguous. */
    public static final String CLIENT_ID_PREFIX = "lbc_";

    private static final Logger log = LoggerFactory.getLogger(PartnerCredentials.class);
    private static final int SECRET_BYTES = 32;
    private static final int CLIENT_ID_BYTES = 12;
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final PartnerCredentialRepository credentials;
    private final LeadClock clock;
    private final SecureRandom random = new SecureRandom();

    PartnerCredentials(PartnerCredentialRepository credentials, LeadClock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** A new credential and its secret; the secret is not stored and cannot be shown again. */
    public record Issued(PartnerCredential credential, String secret) {
    }

    public static boolean isClientId(String username) {
        return username != null && username.startsWith(CLIENT_ID_PREFIX);
    }

    @Transactional
    public Issued issue(String partnerId, String label, String createdBy) {
        String clientId = CLIENT_ID_PREFIX + HexFormat.of().formatHex(randomBytes(CLIENT_ID_BYTES));
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(SECRET_BYTES));
        PartnerCredential credential = new PartnerCredential(clientId, partnerId,
                label == null || label.isBlank() ? null : label.trim(), clock.now(), createdBy, null, null, null);
        credentials.insert(credential, hash(secret));
        log.info("partner {}: API credential {} created by {}", partnerId, clientId, createdBy);
        return new Issued(credentials.find(clientId).orElseThrow(), secret);
    }

    public List<PartnerCredential> list(String partnerId) {
        return credentials.findByPartner(partnerId);
    }

    public Optional<PartnerCredential> find(String partnerId, String clientId) {
        return credentials.find(clientId).filter(c -> c.partnerId().equals(partnerId));
    }

    /** Revokes the credential: its next call already fails. False if it was revoked before. */
    @Transactional
    public boolean revoke(String clientId, String revokedBy) {
        boolean revoked = credentials.revoke(clientId, clock.now(), revokedBy);
        if (revoked) {
            log.info("API credential {} revoked by {}", clientId, revokedBy);
        }
        return revoked;
    }

    /** The partner a valid, unrevoked credential acts for; empty for a wrong secret or a revoked credential. */
    Optional<String> authenticate(String clientId, String secret) {
        if (!isClientId(clientId) || secret == null) {
            return Optional.empty();
        }
        var stored = credentials.findSecret(clientId);
        if (stored.isEmpty() || stored.get().revoked()
                || !MessageDigest.isEqual(hash(secret).getBytes(StandardCharsets.US_ASCII),
                        stored.get().secretHash().getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        credentials.touch(clientId, clock.now(), LAST_USED_GRANULARITY);
        return Optional.of(stored.get().partnerId());
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
