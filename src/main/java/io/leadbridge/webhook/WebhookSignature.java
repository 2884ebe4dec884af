package io.leadbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets and the {@code X-Leadbridge-Signature} value {@code t=<unix seconds>,v1=<hex>}: the
 * hex HMAC-SHA256, under the webhook's secret, of the timestamp, a dot and the exact body. The
 * timestamp is signed with the body so that a receiver can refuse a captured request replayed
 * later (docs/api.md: five minutes).
 */
final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** A new secret: 32 random bytes, hex encoded, with a prefix that makes it recognisable in a partner's config. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** The header value for this exact body (its UTF-8 bytes), sent at this moment, under the secret. */
    static String sign(String secret, Instant sentAt, String body) {
        long timestamp = sentAt.getEpochSecond();
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
