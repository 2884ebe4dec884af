package io.leadbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The {@code Content-Type} of an {@code /api} request names one concrete format: one that does not
 * parse, or a wildcard ({@code application/*}, {@code *}{@code /*}), is answered 415, and a
 * multipart one without its {@code boundary} 400, before anything reads the body (Spring and Tomcat
 * would fail on them with a 500).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 19)
class ContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/") || request.getContentType() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problem(request.getContentType());
        if (problem != null) {
            HttpStatus status = problem.startsWith("multipart") ? HttpStatus.BAD_REQUEST
                    : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, problem);
            detail.setTitle(status == HttpStatus.BAD_REQUEST ? "Invalid input" : "Unsupported Content-Type");
            ProblemResponses.write(response, json, detail);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why the Content-Type cannot be read, or null. */
    static String problem(String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return "the Content-Type does not parse as a media type; send application/json (or text/csv or "
                    + "multipart/form-data where documented)";
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return "the Content-Type must name one format, not a wildcard; send application/json (or text/csv or "
                    + "multipart/form-data where documented)";
        }
        if (type.getType().equals("multipart") && (type.getParameter("boundary") == null
                || type.getParameter("boundary").isBlank())) {
            return "multipart Content-Type without a boundary: the parts cannot be told apart";
        }
        return null;
    }
}
