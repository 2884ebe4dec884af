package io.leadbridge.contactcheck;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Opens the customer's links as a prospect's browser (or a mail scanner) does: no login, no cookies. */
final class CustomerBrowser {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    CustomerBrowser(int port) {
        this.port = port;
    }

    /** Status, body and headers of a page. */
    record Page(int status, String body, HttpResponse<String> response) {

        String contentType() {
            return header("Content-Type");
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse("");
        }
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html").GET());
    }

    /** A form post, as the page's buttons send it. */
    Page post(String path, String form) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
