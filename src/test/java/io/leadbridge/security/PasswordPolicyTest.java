package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import io.leadbridge.support.WebappSession;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Camunda's password policy holds for every way a password is set: a rep created through
 * {@code /api}, a user created or a password changed through {@code /engine-rest} or the Admin
 * webapp. A weak password is a 400 naming each broken rule, and nothing is stored.
 */
@LeadbridgeTest
class PasswordPolicyTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired IdentityService identity;

    ApiClient admin;
    ApiClient carol;
    String unique;

    @BeforeEach
    void users() {
        admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRepCreatedThroughTheApiNeedsAPasswordThatKeepsThePolicy() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String username = "weak-" + unique;

        Response tooShort = carol.post("/api/partners/" + partner + "/reps", rep(username, "password"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().path("errors").get(0).path("field").asText()).isEqualTo("password");

        Response plain = carol.post("/api/partners/" + partner + "/reps", rep(username, "passwordpassword"));
        assertThat(plain.status()).as(plain.toString()).isEqualTo(400);
        assertThat(plain.header("Content-Type")).startsWith("application/problem+json");
        assertThat(plain.json().path("errors").findValuesAsText("field")).containsOnly("password");
        assertThat(plain.json().path("detail").asText()).contains("PASSWORD_POLICY_UPPERCASE",
                "PASSWORD_POLICY_DIGIT", "PASSWORD_POLICY_SPECIAL").doesNotContain("PASSWORD_POLICY_LENGTH");

        Response ownName = carol.post("/api/partners/" + partner + "/reps", rep(username, "Xx-1-" + username));
        assertThat(ownName.status()).isEqualTo(400);
        assertThat(ownName.json().path("detail").asText()).contains("PASSWORD_POLICY_USER_DATA");

        assertThat(identity.createUserQuery().userId(username).count()).as("no Camunda user").isZero();
        assertThat(carol.get("/api/partners/" + partner).json().path("reps")).isEmpty();
        assertThat(carol.post("/api/partners/" + partner + "/reps", rep(username, "Quick-Fox-2026")).status())
                .isEqualTo(201);
    }

    @Test
    void aUserCreatedThroughTheRestApiNeedsAPasswordThatKeepsThePolicy() {
        String username = "marketing-" + unique;
        Map<String, Object> weak = Map.of("profile", Map.of("id", username, "firstName", "Mark", "lastName", "Eting",
                "email", username + "@vendor.example"), "credentials", Map.of("password", "a"));

        Response refused = admin.post("/engine-rest/user/create", weak);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.path("title").asText()).isEqualTo("Invalid input");
        assertThat(problem.path("errors").findValuesAsText("field")).containsOnly("credentials.password");
        assertThat(problem.path("errors").findValuesAsText("message")).anySatisfy(message ->
                assertThat(message).contains("at least 10 characters", "PASSWORD_POLICY_LENGTH"));
        assertThat(identity.createUserQuery().userId(username).count()).isZero();

        Map<String, Object> strong = Map.of("profile", Map.of("id", username, "firstName", "Mark", "lastName", "Eting",
                "email", username + "@vendor.example"), "credentials", Map.of("password", "Quick-Fox-2026"));
        assertThat(admin.post("/engine-rest/user/create", strong).status()).isEqualTo(204);
    }

    @Test
    void aUserCreationLargerThanTheCheckReadsIsRefusedWhole() {
        String username = "huge-" + unique;
        Map<String, Object> huge = Map.of("profile", Map.of("id", username, "firstName", "M".repeat(70_000),
                "lastName", "Eting"), "credentials", Map.of("password", "Quick-Fox-2026"));

        Response refused = admin.post("/engine-rest/user/create", huge);

        assertThat(refused.status()).as("not cut and passed on: " + refused).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(identity.createUserQuery().userId(username).count()).isZero();
    }

    @Test
    void aUserCannotChangeItsPasswordToAWeakOne() {
        String rep = fixtures.rep(fixtures.partner("alpha", PartnerTier.GOLD, "US"));
        ApiClient self = ApiClient.as(port, rep, LeadFixtures.PASSWORD);

        Response refused = self.put("/engine-rest/user/" + rep + "/credentials",
                Map.of("password", "password", "authenticatedUserPassword", LeadFixtures.PASSWORD));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsOnly("password");
        assertThat(self.get("/api/me").status()).as("the old password still works").isEqualTo(200);
        assertThat(self.put("/engine-rest/user/" + rep + "/credentials",
                Map.of("password", "Quick-Fox-2026", "authenticatedUserPassword", LeadFixtures.PASSWORD)).status())
                .isEqualTo(204);
        assertThat(ApiClient.as(port, rep, "Quick-Fox-2026").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void theRulesAboutAnotherUsersDataAreNoAnswerToSomeoneWhoMayNotChangeItsPassword() {
        String rep = fixtures.rep(fixtures.partner("alpha", PartnerTier.GOLD, "US"));

        Response refused = ApiClient.as(port, rep, LeadFixtures.PASSWORD).put("/engine-rest/user/carol/credentials",
                Map.of("password", "Xx-1-Carol", "authenticatedUserPassword", LeadFixtures.PASSWORD));

        assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
        assertThat(identity.checkPassword("carol", LeadFixtures.PASSWORD)).isTrue();
    }

    @Test
    void anAdminSettingAWeakPasswordInTheAdminWebappIsToldTheRules() {
        String rep = fixtures.rep(fixtures.partner("alpha", PartnerTier.GOLD, "US"));
        WebappSession adminWebapp = WebappSession.open(port);
        assertThat(adminWebapp.login("admin", "admin", LeadFixtures.ADMIN_PASSWORD)).isEqualTo(200);

        Response refused = adminWebapp.put("/camunda/api/engine/engine/default/user/" + rep + "/credentials",
                "{\"password\": \"password1\", \"authenticatedUserPassword\": \"" + LeadFixtures.ADMIN_PASSWORD + "\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("detail").asText()).contains("PASSWORD_POLICY_LENGTH",
                "PASSWORD_POLICY_UPPERCASE", "PASSWORD_POLICY_SPECIAL");
        assertThat(identity.checkPassword(rep, LeadFixtures.PASSWORD)).isTrue();
    }

    private static Map<String, Object> rep(String username, String password) {
        return Map.of("username", username, "firstName", "Wanda", "lastName", "Weak", "email",
                username + "@partner.example", "password", password);
    }
}
