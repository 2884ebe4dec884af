package io.leadbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Tells a browser's request from a machine client's (a partner CRM, curl, Camunda Modeler). A
 * browser shows its own login box when a {@code 401} carries {@code WWW-Authenticate: Basic}: over
 * a page that takes no input until someone answers it, and it then keeps the password and sends it
 * with every later request to this host, also with the ones another site makes it send. So only
 * machine clients are asked for HTTP Basic.
 *
 * <p>A request came from a browser when it carries any of: {@code X-Requested-With} (the
 * dashboard's calls, AngularJS-style XHRs), a fetch metadata header {@code Sec-Fetch-Mode} (every
 * current browser, on HTTPS and on localhost), {@code Origin} (a browser's POST and cross-origin
 * calls), or a servlet session id (the Camunda webapps' session cookie). None of them is a secret
 * or a credential: a client that sends one only gives up the challenge, never gains access.
 */
final class PageRequests implements RequestMatcher {

    static final PageRequests INSTANCE = new PageRequests();

    private PageRequests() {
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return request.getHeader("X-Requested-With") != null
                || request.getHeader("Sec-Fetch-Mode") != null
                || request.getHeader("Origin") != null
                || request.getRequestedSessionId() != null;
    }
}
