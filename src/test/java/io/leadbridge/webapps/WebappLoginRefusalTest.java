package io.leadbridge.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A login to a webapp the user may not use is refused with a message that says so and where a
 * rep works, not a bare "Forbidden"; every other answer of the login page is Camunda's own.
 */
@LeadbridgeTest
class WebappLoginRefusalTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;

    @Test
    void aRepsCockpitLoginIsRefusedNamingCockpitAndTasklist() throws Exception {
        String rep = fixtures.rep(fixtures.partner("harbor", PartnerTier.GOLD, "US"));

        HttpResponse<String> cockpit = login("cockpit", rep, LeadFixtures.PASSWORD, true);

        assertThat(cockpit.statusCode()).isEqualTo(403);
        assertThat(cockpit.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        assertThat(cockpit.body()).contains("\"message\":\"This user may not use Cockpit. Partner reps work in "
                + "Tasklist: /camunda/app/tasklist/\"");
        assertThat(login("admin", rep, LeadFixtures.PASSWORD, true).body()).contains("may not use Admin.");
        assertThat(login("tasklist", rep, LeadFixtures.PASSWORD, true).statusCode()).isEqualTo(200);
    }

    @Test
    void otherRefusalsOfTheLoginPageStayCamundasOwn() throws Exception {
        String rep = fixtures.rep(fixtures.partner("harbor", PartnerTier.GOLD, "US"));

        HttpResponse<String> withoutToken = login("cockpit", rep, LeadFixtures.PASSWORD, false);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).doesNotContain("may not use");

        HttpResponse<String> wrongPassword = login("cockpit", rep, "not-the-password", true);
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.body()).doesNotContain("may not use");
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    /** The login page's own call: session cookie and CSRF token from the page, then the form POST. */
    private HttpResponse<String> login(String app, String username, String password, boolean withToken)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        String token = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (withToken) {
            request.header("X-XSRF-TOKEN", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
