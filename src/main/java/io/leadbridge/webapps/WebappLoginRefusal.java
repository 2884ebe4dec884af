package io.leadbridge.webapps;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Says why a webapp refused a login whose password was right. Camunda answers such a login
 * (a partner's rep at Cockpit's login page: its groups are granted Tasklist only) with a bare
 * {@code 403}, and the login page then shows "Login Failed : Forbidden". This filter gives that
 * {@code 403} the message the login page shows instead: which app the user may not use, and where
 * a rep works. Any other refusal (a wrong password, a missing CSRF token) is left as it is.
 */
@Component
class WebappLoginRefusal extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/api/admin/auth/user/[^/]+/login/([a-z]+)");
    private static final Map<String, String> APP_NAMES = Map.of("cockpit", "Cockpit", "admin", "Admin",
            "tasklist", "Tasklist");

    private final String applicationPath;
    private final ObjectMapper json;

    WebappLoginRefusal(CamundaBpmProperties camunda, ObjectMapper json) {
        this.applicationPath = camunda.getWebapp().getApplicationPath();
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || app(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String app = app(request);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int status) throws IOException {
                sendError(status, null);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                boolean bareForbidden = status == HttpStatus.FORBIDDEN.value()
                        && (message == null || message.equals(HttpStatus.FORBIDDEN.getReasonPhrase()));
                if (!bareForbidden) {
                    super.sendError(status, message);
                    return;
                }
                setStatus(status);
                setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(getOutputStream(), Map.of("type", "Forbidden", "message", refusal(app)));
            }
        });
    }

    private String refusal(String app) {
        String name = APP_NAMES.getOrDefault(app, app);
        return "This user may not use " + name + ". "
                + ("tasklist".equals(app) ? "A channel manager can give it access."
                        : "Partner reps work in Tasklist: " + applicationPath + "/app/tasklist/");
    }

    /** The app a login request is for (cockpit, tasklist, admin), or null for any other request. */
    private String app(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith(applicationPath + "/")) {
            return null;
        }
        Matcher login = LOGIN.matcher(path.substring(applicationPath.length()));
        return login.matches() ? login.group(1) : null;
    }
}
