package io.leadbridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's check of {@code X-Leadbridge-Signature}, exactly as docs/api.md shows it: written
 * from the documentation, not from {@link WebhookSignature}, so a test fails when the two part.
 */
final class WebhookReceiver {

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookReceiver() {
    }

    static boolean verifies(String header, String body, String secret, Instant now) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length == 2 && kv[0].equals("t")) {
                t = kv[1];
            } else if (kv.length == 2 && kv[0].equals("v1")) {
                v1 = kv[1];
            }
        }
        if (t == null || v1 == null) {
            return false;
        }
        long sentAt = Long.parseLong(t);
        if (Math.abs(now.getEpochSecond() - sentAt) > REPLAY_WINDOW.toSeconds()) {
            return false;
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
        return MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }
}
