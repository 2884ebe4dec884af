package io.leadbridge.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadbridge.web.ReadAgainRequest;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a new password against the {@link PasswordRules} before the engine's API stores it:
 * creating a user ({@code POST .../user/create}, field {@code credentials.password}) and changing a
 * password ({@code PUT .../user/{id}/credentials}, field {@code password}), on {@code /engine-rest}
 * and on the webapps' engine API that the Admin webapp and the profile pages use. A weak password
 * is a {@code 400} problem detail naming every broken rule; the engine itself would refuse it with
 * a bare {@code 500}. A password change the caller may not make at all is left to Camunda's own
 * {@code 403}, so that the rule about the user's data tells nothing about another user's name.
 */
class PasswordPolicyFilter extends OncePerRequestFilter {

    private static final Pattern CREDENTIALS = Pattern.compile("user/([^/]+)/credentials");
    /** A user's JSON is small; anything larger is left to the engine, which refuses it on its own. */
    private static final int MAX_BODY = 64 * 1024;

    private final Function<HttpServletRequest, EngineCaller> callers;
    private final PasswordRules rules;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ObjectMapper json;

    PasswordPolicyFilter(Function<HttpServletRequest, EngineCaller> callers, PasswordRules rules,
            IdentityService identity, AuthorizationService authorizations, ObjectMapper json) {
        this.callers = callers;
        this.rules = rules;
        this.identity = identity;
        this.authorizations = authorizations;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> resource = EngineWideDoors.belowEngineRoot(AdminOnlyDoorFilter.pathWithinApplication(request));
        boolean create = resource.filter("user/create"::equals).isPresent() && "POST".equals(request.getMethod());
        Matcher credentials = CREDENTIALS.matcher(resource.orElse(""));
        boolean change = credentials.matches() && "PUT".equals(request.getMethod());
        if (!create && !change) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            // Passing on the part read so far would hand the engine a cut body.
            ProblemResponses.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE,
                    "A user or password change is at most " + MAX_BODY / 1024 + " KB.");
            return;
        }
        HttpServletRequest replay = new ReadAgainRequest(request, body);
        JsonNode user = parse(body);
        if (user == null) {
            chain.doFilter(replay, response);
            return;
        }
        List<String> broken;
        String field;
        if (create) {
            if (!mayCreateUsers(callers.apply(request))) {
                // Camunda checks the password before the permission and would answer a bare 500.
                ProblemResponses.write(response, json, HttpStatus.FORBIDDEN, "Only administrators create users.");
                return;
            }
            JsonNode profile = user.path("profile");
            field = "credentials.password";
            broken = rules.broken(user.path("credentials").path("password").asText(""), text(profile, "id"),
                    text(profile, "firstName"), text(profile, "lastName"), text(profile, "email"));
        } else {
            String userId = credentials.group(1);
            User stored = mayChangePassword(callers.apply(request), userId)
                    ? identity.createUserQuery().userId(userId).singleResult() : null;
            if (stored == null) {
                chain.doFilter(replay, response);
                return;
            }
            field = "password";
            broken = rules.broken(user.path("password").asText(""), stored.getId(), stored.getFirstName(),
                    stored.getLastName(), stored.getEmail());
        }
        if (broken.isEmpty()) {
            chain.doFilter(replay, response);
            return;
        }
        List<Map<String, String>> errors = broken.stream().map(rule -> Map.of("field", field, "message", rule)).toList();
        ProblemResponses.write(response, json, HttpStatus.BAD_REQUEST, "Invalid input",
                field + ": " + String.join("; ", broken), Map.of("errors", errors));
    }

    /** Whoever may not create users at all is refused ({@code 403}) before any word on the password rules. */
    private boolean mayCreateUsers(EngineCaller caller) {
        return caller.userId() != null && authorizations.isUserAuthorized(caller.userId(), caller.groups(),
                Permissions.CREATE, Resources.USER);
    }

    private boolean mayChangePassword(EngineCaller caller, String userId) {
        return caller.userId() != null && authorizations.isUserAuthorized(caller.userId(), caller.groups(),
                Permissions.UPDATE, Resources.USER, userId);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isTextual() ? node.path(field).asText() : null;
    }
}
