package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.ApiClient;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Anyone may guess a user's password, so guessing must not lock the user out for good: after each
 * wrong password Camunda holds the user back a while (at most a minute), every refusal is logged
 * as a security event, and an administrator can clear the delay at once.
 */
@LeadbridgeTest
@ExtendWith(OutputCaptureExtension.class)
class LoginLockoutTest {

    @LocalServerPort int port;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;

    String manager;

    @BeforeEach
    void aChannelManager() {
        manager = "cm-" + UUID.randomUUID().toString().substring(0, 8);
        access.provisionUser(manager, "Carla", "Channel", manager + "@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void elevenWrongPasswordsFromAnonymousCallersDoNotLockAChannelManagerOutForGood(CapturedOutput log) {
        ApiClient guesser = ApiClient.as(port, manager, "Not-the-pass-1");
        for (int attempt = 1; attempt <= 11; attempt++) {
            assertThat(guesser.get("/api/me").status()).as("guess " + attempt).isEqualTo(401);
            engine.passTimeWithoutJobs(Duration.ofSeconds(61));
        }

        assertThat(ApiClient.as(port, manager, LeadFixtures.PASSWORD).get("/api/me").status()).isEqualTo(200);
        assertThat(log.getOut()).contains("security event: wrong password for user '" + manager
                + "' from 127.0.0.1 (11 in a row); held back until ");
    }

    @Test
    void aUserHeldBackIsRefusedEvenWithTheRightPasswordUntilTheDelayHasPassed(CapturedOutput log) {
        assertThat(ApiClient.as(port, manager, "Not-the-pass-1").get("/api/me").status()).isEqualTo(401);
        assertThat(log.getOut()).as("one wrong password is one event, checked once")
                .containsOnlyOnce("security event: wrong password for user '" + manager + "'")
                .doesNotContain("security event: login of user '" + manager + "'");

        ApiClient rightPassword = ApiClient.as(port, manager, LeadFixtures.PASSWORD);
        assertThat(rightPassword.get("/api/me").status()).isEqualTo(401);
        assertThat(log.getOut()).contains("security event: login of user '" + manager
                + "' from 127.0.0.1 refused unchecked: held back until ");
        engine.passTimeWithoutJobs(Duration.ofSeconds(4));
        assertThat(rightPassword.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void anAdministratorUnlocksAUserAtOnce() {
        for (int attempt = 1; attempt <= 6; attempt++) {
            ApiClient.as(port, manager, "Not-the-pass-1").get("/api/me");
            engine.passTimeWithoutJobs(Duration.ofSeconds(61));
        }
        assertThat(ApiClient.as(port, manager, "Not-the-pass-1").get("/api/me").status()).isEqualTo(401);
        ApiClient user = ApiClient.as(port, manager, LeadFixtures.PASSWORD);
        assertThat(user.get("/api/me").status()).as("held back for a minute").isEqualTo(401);

        assertThat(ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD)
                .post("/engine-rest/user/" + manager + "/unlock", "{}").status()).isEqualTo(204);

        assertThat(user.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aLoginOfAnUnknownUserIsASecurityEventToo(CapturedOutput log) {
        assertThat(ApiClient.as(port, "nobody-" + manager, "Whatever-1").get("/api/me").status()).isEqualTo(401);

        assertThat(log.getOut()).contains("security event: login refused for unknown user 'nobody-" + manager
                + "' from 127.0.0.1");
    }
}
