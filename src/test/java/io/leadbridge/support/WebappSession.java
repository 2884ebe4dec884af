package io.leadbridge.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser session of Camunda's webapps (Tasklist, Cockpit, Admin): the session cookie plus the
 * CSRF token header, the way the webapps' own pages call {@code /camunda/api/...}.
 */
public final class WebappSession {

    private final HttpClient http;
    private final String base;
    private final String csrfToken;

    private WebappSession(HttpClient http, String base, String csrfToken) {
        this.http = http;
        this.base = base;
        this.csrfToken = csrfToken;
    }

    /** Opens Tasklist's page for the CSRF token, without logging in yet. */
    public static WebappSession open(int port) {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = send(http, HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")));
        return new WebappSession(http, base, page.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
    }

    /** Logs in to the given webapp ({@code tasklist}, {@code cockpit}, {@code admin}); the login's HTTP status. */
    public int login(String app, String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(http, HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
    }

    public ApiClient.Response get(String path) {
        return call(path, "GET", null);
    }

    public ApiClient.Response put(String path, String json) {
        return call(path, "PUT", json);
    }

    public ApiClient.Response post(String path, String json) {
        return call(path, "POST", json);
    }

    public ApiClient.Response delete(String path) {
        return call(path, "DELETE", null);
    }

    private ApiClient.Response call(String path, String method, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrfToken);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = send(http, request);
        return new ApiClient.Response(response.statusCode(), response.body(),
                response.headers().firstValue("Location").orElse(null), response.headers());
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
