package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses the state-changing {@code /api} requests that a page on another site could make a
 * browser send with the user's cached HTTP Basic login: those a browser sends cross-site without
 * asking the server first (a CORS "simple" request), namely a form ({@code
 * application/x-www-form-urlencoded}, {@code multipart/form-data}), {@code text/plain}, or a POST
 * with no body type at all. Such a request passes only with the header {@value #HEADER}, which no
 * other site can add without the server's CORS consent (Leadbridge gives none). JSON, CSV and
 * every other body type need that consent anyway, so they pass as they are.
 */
class CrossSiteRequestFilter extends OncePerRequestFilter {

    /** The custom header that marks a request as sent by a script, not by a cross-site form. */
    static final String HEADER = "X-Requested-With";

    private static final Logger log = LoggerFactory.getLogger(CrossSiteRequestFilter.class);
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** The body types a browser sends to another site without a CORS preflight. */
    private static final Set<String> SIMPLE_TYPES = Set.of(MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            MediaType.MULTIPART_FORM_DATA_VALUE, MediaType.TEXT_PLAIN_VALUE);

    private final ObjectMapper json;

    CrossSiteRequestFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SecurityConfig.pathStartsWith("/api/").matches(request)
                || !STATE_CHANGING.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        if ((header == null || header.isBlank()) && sendableCrossSite(request)) {
            log.warn("security event: {} {} from {} refused as a possible cross-site request (Content-Type {})",
                    request.getMethod(), request.getRequestURI(), request.getRemoteAddr(), request.getContentType());
            ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, request.getMethod()
                    + " requests to /api must send JSON (Content-Type: application/json) or the header " + HEADER
                    + " (any value, e.g. XMLHttpRequest); a form, text/plain or a POST without a body type could "
                    + "come from another site in the user's browser", Map.of("rule", "cross-site-request"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sendableCrossSite(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null || contentType.isBlank()) {
            // A body-less PUT, PATCH or DELETE needs a preflight like any other; a body-less POST does not.
            return "POST".equals(request.getMethod());
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return SIMPLE_TYPES.contains(type.getType() + "/" + type.getSubtype());
        } catch (InvalidMediaTypeException e) {
            // A browser may send anything as a "text/plain"-like blob; an unreadable type gets no benefit of the doubt.
            return true;
        }
    }
}
