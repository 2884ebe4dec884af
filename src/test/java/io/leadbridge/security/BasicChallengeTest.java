package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who is asked for HTTP Basic. A {@code WWW-Authenticate: Basic} answer to a page's request makes
 * the browser put its own login box over the page (Tasklist's login page took no click until
 * someone dismissed it) and keep the password for the host; so a browser is never asked, and only
 * a machine client of {@code /api} or {@code /engine-rest} (a CRM, curl) still is.
 */
@LeadbridgeTest
class BasicChallengeTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** What a browser adds to its requests: any one of them marks a request as a page's. */
    private static final List<Map<String, String>> PAGE_MARKERS = List.of(
            Map.of("X-Requested-With", "XMLHttpRequest"),
            Map.of("Sec-Fetch-Mode", "cors", "Sec-Fetch-Site", "same-origin", "Sec-Fetch-Dest", "empty"),
            Map.of("Origin", "http://localhost"),
            Map.of("Cookie", "JSESSIONID=0123456789ABCDEF"));

    @LocalServerPort int port;

    @Test
    void nothingOutsideTheApisAsksForBasicNotEvenAClientThatIsNoBrowser() throws Exception {
        List<String> paths = List.of(
                // Tasklist's and Cockpit's login page asks whether Camunda's welcome app is installed.
                "/camunda-welcome",
                "/camunda/app/tasklist/default/nope",
                "/camunda/app/cockpit/nope.js",
                "/camunda/api/engine/engine/default/task",
                "/nope",
                "/nope/deeper.html",
                "/favicon.ico",
                "/dashboard/nope.js",
                "/webjars/nope.js",
                "/v3/api-docs",
                "/swagger-ui/index.html",
                "/actuator/info");
        for (String path : paths) {
            for (Map<String, String> headers : withAndWithoutPageMarkers()) {
                HttpResponse<String> response = get(path, headers);

                assertThat(response.headers().firstValue("WWW-Authenticate")).as(path + " " + headers).isEmpty();
                assertThat(response.statusCode()).as(path + " " + headers + ": " + response.body()).isLessThan(500);
                // Camunda's own API answers in its own JSON format.
                if (response.statusCode() == 401 && !path.startsWith("/camunda/")) {
                    assertThat(response.headers().firstValue("Content-Type")).as(path)
                            .hasValue("application/problem+json");
                    assertThat(response.body()).as(path).contains("needs a login sent with the request")
                            .doesNotContain("Exception");
                }
            }
        }
    }

    @Test
    void aPageCallingTheApisWithoutAValidLoginGets401WithoutAChallenge() throws Exception {
        for (Map<String, String> marker : PAGE_MARKERS) {
            for (String path : List.of("/api/me", "/api/leads", "/engine-rest/task")) {
                assertRefusedWithoutChallenge(get(path, marker), path + " " + marker);
                assertRefusedWithoutChallenge(get(path, basic(marker, "nobody", "wrong")), path + " wrong " + marker);
            }
        }
    }

    @Test
    void aMachineClientOfTheApisIsStillAskedForBasicAndLogsInWithIt() throws Exception {
        for (String path : List.of("/api/me", "/engine-rest/task")) {
            HttpResponse<String> anonymous = get(path, Map.of());
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path)
                    .hasValue("Basic realm=\"Leadbridge\"");
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            HttpResponse<String> wrong = get(path, basic(Map.of(), "nobody", "wrong"));
            assertThat(wrong.statusCode()).as(path).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"Leadbridge\"");

            assertThat(get(path, basic(Map.of(), "admin", LeadFixtures.ADMIN_PASSWORD)).statusCode()).as(path)
                    .isEqualTo(200);
        }
        for (Map<String, String> marker : PAGE_MARKERS) {
            HttpResponse<String> me = get("/api/me", basic(marker, "admin", LeadFixtures.ADMIN_PASSWORD));
            assertThat(me.statusCode()).as("a page with the right login: " + marker).isEqualTo(200);
            assertThat(me.body()).contains("\"username\":\"admin\"");
        }
        assertThat(get("/v3/api-docs", basic(Map.of(), "admin", LeadFixtures.ADMIN_PASSWORD)).statusCode())
                .as("a login sent with the request still opens what is behind one outside the APIs").isEqualTo(200);
    }

    private static void assertRefusedWithoutChallenge(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).as(what).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue("application/problem+json");
        assertThat(response.body()).as(what).contains("\"status\":401");
    }

    private static List<Map<String, String>> withAndWithoutPageMarkers() {
        return Stream.concat(Stream.of(Map.<String, String>of()),
                PAGE_MARKERS.stream()).toList();
    }

    private static Map<String, String> basic(Map<String, String> headers, String username, String password) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return all;
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
