package io.leadbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who calls the engine's API, as the engine will see them: on {@code /engine-rest} the user that
 * HTTP Basic logged in, on the webapps' engine API the user of the webapp session. Nobody
 * ({@code userId} null, no groups) when not logged in.
 */
record EngineCaller(String userId, List<String> groups) {

    static final EngineCaller NOBODY = new EngineCaller(null, List.of());

    boolean isAdmin() {
        return groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /** For {@code /engine-rest}: the user Spring Security logged in. */
    static Function<HttpServletRequest, EngineCaller> ofEngineRest(CallerProvider callers) {
        return request -> {
            Caller caller = callers.current();
            return new EngineCaller(caller.username(), List.copyOf(caller.groups()));
        };
    }

    /** For the webapps: the user logged in to the session for the engine named in the path. */
    static Function<HttpServletRequest, EngineCaller> ofWebappSession() {
        return request -> {
            HttpSession session = request.getSession(false);
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (session == null || !path.startsWith(EngineWideDoors.WEBAPP_ENGINE_API)) {
                return NOBODY;
            }
            String rest = path.substring(EngineWideDoors.WEBAPP_ENGINE_API.length());
            String engine = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
            if (AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engine)
                    instanceof UserAuthentication user) {
                return new EngineCaller(user.getIdentityId(),
                        user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
            }
            return NOBODY;
        };
    }
}
