package io.leadbridge.contactcheck;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The token in a customer's links: the check id and the expiry, signed with HMAC-SHA256 under
 * {@code leadbridge.contact-check.secret}. {@code base64url(16 bytes check id, 8 bytes expiry in
 * epoch seconds) "." base64url(signature)}; the signature also covers a purpose label, so a
 * signature made with the same secret for anything else never passes here. A token says nothing
 * but a random id and a time; whether it is still good (answered, run out) the caller decides.
 */
@Component
class ContactCheckTokens {

    private static final Logger log = LoggerFactory.getLogger(ContactCheckTokens.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] PURPOSE = "leadbridge customer contact check v1\0".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = 24;
    /** Longer than any token this class issues; a longer one is not even decoded. */
    private static final int MAX_TOKEN_LENGTH = 100;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    ContactCheckTokens(ContactCheckProperties properties) {
        this.key = new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
        if (properties.developmentSecret()) {
            log.warn("leadbridge.contact-check.secret is a development default: anyone who knows it can answer "
                    + "customer contact checks. Set LEADBRIDGE_CONTACT_CHECK_SECRET in production.");
        }
    }

    /** What a good token names: the check and when its links stop working. */
    record Claim(String checkId, Instant expiresAt) {
    }

    String issue(String checkId, Instant expiresAt) {
        UUID id = UUID.fromString(checkId);
        byte[] payload = ByteBuffer.allocate(PAYLOAD_BYTES).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).putLong(expiresAt.getEpochSecond()).array();
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The claim of a token signed with our secret; empty for anything else (malformed, tampered, foreign). */
    Optional<Claim> read(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (payload.length != PAYLOAD_BYTES || !MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        // Base64 without padding has more than one spelling of the same bytes: only ours counts.
        if (!token.equals(ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(signature))) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        return Optional.of(new Claim(id.toString(), Instant.ofEpochSecond(buffer.getLong())));
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(PURPOSE);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
