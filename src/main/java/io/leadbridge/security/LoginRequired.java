package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The answer to a request without a valid login: {@code 401} as a problem detail, with a
 * {@code WWW-Authenticate: Basic} challenge for machine clients of the APIs only. A browser never
 * gets the challenge ({@link PageRequests}), and nothing outside {@code /api} and
 * {@code /engine-rest} ever sends one: a page's XHR that drew it would put the browser's own login
 * box over the page (the Camunda webapps' login page asks for {@code /camunda-welcome}).
 */
final class LoginRequired implements AuthenticationEntryPoint {

    static final String CHALLENGE = "Basic realm=\"Leadbridge\"";

    private final ObjectMapper json;
    private final String detail;
    private final boolean challengeMachineClients;

    private LoginRequired(ObjectMapper json, String detail, boolean challengeMachineClients) {
        this.json = json;
        this.detail = detail;
        this.challengeMachineClients = challengeMachineClients;
    }

    /** For {@code /api} and {@code /engine-rest}: machine clients are asked for HTTP Basic, browsers are not. */
    static LoginRequired challengingMachineClients(ObjectMapper json, String detail) {
        return new LoginRequired(json, detail, true);
    }

    /** For everything else: no one is asked for HTTP Basic, though a request may still bring it. */
    static LoginRequired withoutChallenge(ObjectMapper json, String detail) {
        return new LoginRequired(json, detail, false);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (challengeMachineClients && !PageRequests.INSTANCE.matches(request)) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
        }
        ProblemResponses.write(response, json, HttpStatus.UNAUTHORIZED, detail);
    }
}
