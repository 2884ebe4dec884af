package io.leadbridge.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.database.DatabaseFailures;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached is answered 503 with a problem
 * detail and {@code Retry-After}, wherever it failed: in a controller ({@link ApiExceptionHandler}
 * asks {@link #problem()}) or before one, such as the login, which checks the password in
 * Camunda's tables. Never a 500, never the JDBC driver's text; the log has it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    /** Seconds a caller should wait before trying again: about one pool connection timeout. */
    static final String RETRY_AFTER = "5";

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final ObjectMapper json;

    DatabaseUnavailableFilter(ObjectMapper json) {
        this.json = json;
    }

    static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the database cannot be reached at the moment; nothing was changed, try again shortly");
        problem.setTitle("Database unavailable");
        return problem;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseFailures.isUnreachable(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: database unavailable: {}", request.getMethod(), request.getRequestURI(),
                    Failures.describe(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
            ProblemResponses.write(response, json, problem());
        }
    }
}
