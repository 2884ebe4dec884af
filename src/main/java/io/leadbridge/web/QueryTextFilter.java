package io.leadbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The path and the query parameters of {@code /api} and {@code /public} follow the text rule too
 * ({@link ControlCharacters}, single-line): a path segment or parameter holding a control character
 * (sent percent-encoded, {@code %00}) is answered 400 naming the path or the parameter, before any
 * controller or database sees it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 21)
class QueryTextFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    QueryTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/public/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        InvalidInputException.FieldError problem = problem(request);
        if (problem != null) {
            ProblemResponses.write(response, json, ApiExceptionHandler.invalid(List.of(problem)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** The first path segment or query parameter that breaks the text rule, named, or null when none does. */
    static InvalidInputException.FieldError problem(HttpServletRequest request) {
        String path = ControlCharacters.problem(decodedPath(request.getRequestURI()), false);
        if (path != null) {
            return new InvalidInputException.FieldError("path", path);
        }
        String query = request.getQueryString();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return new InvalidInputException.FieldError("query", "is not correctly percent-encoded");
            }
            if (ControlCharacters.problem(name, false) != null) {
                return new InvalidInputException.FieldError("query",
                        "a parameter name " + ControlCharacters.problem(name, false));
            }
            String problem = ControlCharacters.problem(value, false);
            if (problem != null) {
                return new InvalidInputException.FieldError(name, problem);
            }
        }
        return null;
    }

    /** The path as percent-decoded; '+' stays itself (it means a space in a query only). */
    private static String decodedPath(String rawPath) {
        try {
            return URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }
}
