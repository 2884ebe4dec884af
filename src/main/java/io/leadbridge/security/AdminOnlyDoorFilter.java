package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets only Camunda administrators through the {@link EngineWideDoors}; anyone else gets
 * {@code 403} as a problem detail, and the engine never sees the request. One instance guards
 * {@code /engine-rest} (the caller is the HTTP Basic login), another the webapps' engine API (the
 * caller is the webapp session's login).
 */
class AdminOnlyDoorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdminOnlyDoorFilter.class);

    private final Function<HttpServletRequest, EngineCaller> callers;
    private final ObjectMapper json;

    AdminOnlyDoorFilter(Function<HttpServletRequest, EngineCaller> callers, ObjectMapper json) {
        this.callers = callers;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> door = EngineWideDoors.doorOf(pathWithinApplication(request));
        EngineCaller caller = door.isPresent() ? callers.apply(request) : EngineCaller.NOBODY;
        if (door.isPresent() && !caller.isAdmin()) {
            log.warn("security event: {} {} refused to user '{}' from {}: /{} is for Camunda administrators only",
                    request.getMethod(), request.getRequestURI(), caller.userId(), request.getRemoteAddr(), door.get());
            ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
                    "/" + door.get() + " acts on the whole engine: only Camunda administrators (group "
                            + Groups.CAMUNDA_ADMIN + ") may use it",
                    Map.of("door", "/" + door.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
