package io.leadbridge.contactcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signed token of a customer's links: only what this secret signed reads back, byte for byte. */
class ContactCheckTokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final Instant EXPIRES = Instant.parse("2026-05-10T09:15:00Z");

    private final ContactCheckTokens tokens = tokens(SECRET);
    private final String checkId = UUID.randomUUID().toString();

    @Test
    void readsBackTheCheckAndTheExpiryItSigned() {
        String token = tokens.issue(checkId, EXPIRES);

        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(100);
        assertThat(tokens.read(token)).contains(new ContactCheckTokens.Claim(checkId, EXPIRES));
    }

    @Test
    void refusesATokenWithAChangedCheckOrExpiry() {
        String token = tokens.issue(checkId, EXPIRES);
        String signature = token.substring(token.indexOf('.'));
        byte[] payload = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));

        byte[] laterExpiry = payload.clone();
        laterExpiry[23]++;
        byte[] otherCheck = payload.clone();
        otherCheck[0] ^= 1;

        assertThat(tokens.read(encode(laterExpiry) + signature)).isEmpty();
        assertThat(tokens.read(encode(otherCheck) + signature)).isEmpty();
    }

    @Test
    void refusesEveryOneCharacterChange() {
        String token = tokens.issue(checkId, EXPIRES);
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char changed = token.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + changed + token.substring(i + 1);
            assertThat(tokens.read(tampered)).as("character %d changed", i).isEmpty();
        }
    }

    @Test
    void refusesATokenSignedWithAnotherSecret() {
        String foreign = tokens("another-secret-of-at-least-32-characters").issue(checkId, EXPIRES);

        assertThat(tokens.read(foreign)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "abc", "abc.def", "a.b.c", "!!!.???", "AAAA.AAAA"})
    void refusesWhatIsNoTokenAtAll(String text) {
        assertThat(tokens.read(text)).isEmpty();
    }

    @Test
    void refusesNullAndOverlongText() {
        assertThat(tokens.read(null)).isEmpty();
        assertThat(tokens.read(tokens.issue(checkId, EXPIRES) + "A".repeat(100))).isEmpty();
    }

    private static ContactCheckTokens tokens(String secret) {
        return new ContactCheckTokens(new ContactCheckProperties(Duration.ofDays(7), secret));
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
