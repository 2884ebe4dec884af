package io.leadbridge.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the logged-in user to the process engine for the length of an {@code /engine-rest}
 * request, so Camunda's authorizations decide what the user may see and do there: a rep sees
 * only the tasks offered to its own partner.
 */
class EngineIdentityFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final CallerProvider callers;

    EngineIdentityFilter(IdentityService identityService, CallerProvider callers) {
        this.identityService = identityService;
        this.callers = callers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SecurityConfig.pathStartsWith("/engine-rest/").matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = callers.current();
        identityService.setAuthentication(caller.username(), new ArrayList<>(caller.groups()));
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
