package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
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

    private final Function<HttpServletRequest, Collection<String>> callerGroups;
    private final ObjectMapper json;

    private AdminOnlyDoorFilter(Function<HttpServletRequest, Collection<String>> callerGroups, ObjectMapper json) {
        this.callerGroups = callerGroups;
        this.json = json;
    }

    /** For {@code /engine-rest}: the groups of the user Spring Security logged in. */
    static AdminOnlyDoorFilter forEngineRest(CallerProvider callers, ObjectMapper json) {
        return new AdminOnlyDoorFilter(request -> callers.current().groups(), json);
    }

    /** For the webapps: the groups of the user logged in to the webapp session for the engine in the path. */
    static AdminOnlyDoorFilter forWebapps(ObjectMapper json) {
        return new AdminOnlyDoorFilter(AdminOnlyDoorFilter::webappSessionGroups, json);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> door = EngineWideDoors.doorOf(pathWithinApplication(request));
        if (door.isPresent() && !callerGroups.apply(request).contains(Groups.CAMUNDA_ADMIN)) {
            log.warn("security event: {} {} refused to {} from {}: /{} is for Camunda administrators only",
                    request.getMethod(), request.getRequestURI(), request.getRemoteUser() == null ? "a caller"
                            : request.getRemoteUser(), request.getRemoteAddr(), door.get());
            ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
                    "/" + door.get() + " acts on the whole engine: only Camunda administrators (group "
                            + Groups.CAMUNDA_ADMIN + ") may use it",
                    Map.of("door", "/" + door.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static Collection<String> webappSessionGroups(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String path = pathWithinApplication(request);
        if (session == null || !path.startsWith(EngineWideDoors.WEBAPP_ENGINE_API)) {
            return List.of();
        }
        String rest = path.substring(EngineWideDoors.WEBAPP_ENGINE_API.length());
        String engine = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine)
                instanceof UserAuthentication user && user.getGroupIds() != null) {
            return user.getGroupIds();
        }
        return List.of();
    }
}
