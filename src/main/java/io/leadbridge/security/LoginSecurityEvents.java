package io.leadbridge.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Camunda's own user store, with every refused login logged as a security event: a wrong
 * password (and until when the user is held back), a login refused unchecked while the user is
 * held back, and a login of an unknown user, each with the client's address. Every way of logging
 * in reaches it: HTTP Basic on {@code /api} and {@code /engine-rest}, and the webapps' login.
 *
 * <p>Camunda holds a user back after a wrong password for {@code loginDelayBase * loginDelayFactor^(n-1)}
 * seconds, at most {@code loginDelayMaxTime}, and locks it for good after {@code loginMaxAttempts}
 * wrong passwords in a row; Leadbridge sets that limit out of reach (see {@code application.yaml}),
 * so that nobody can lock another user out for good by guessing. An administrator clears the
 * delay with {@code POST /engine-rest/user/{id}/unlock} or the Admin webapp's "Unlock".
 */
public class LoginSecurityEvents extends DbIdentityServiceProvider {

    private static final Logger log = LoggerFactory.getLogger(LoginSecurityEvents.class);

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId != null && findUserById(userId) == null) {
            log.warn("security event: login refused for unknown user '{}' from {}", printable(userId), clientAddress());
        }
        return super.checkPassword(userId, password);
    }

    @Override
    protected boolean isUserLocked(UserEntity user) {
        boolean locked = super.isUserLocked(user);
        if (locked) {
            log.warn("security event: login of user '{}' from {} refused unchecked: held back {} after {} wrong "
                    + "password(s) in a row", printable(user.getId()), clientAddress(), until(user), user.getAttempts());
        }
        return locked;
    }

    @Override
    protected void lockUser(UserEntity user) {
        super.lockUser(user);
        log.warn("security event: wrong password for user '{}' from {} ({} in a row); held back {}",
                printable(user.getId()), clientAddress(), user.getAttempts(), until(user));
    }

    private static String until(UserEntity user) {
        if (user.getAttempts() >= Context.getProcessEngineConfiguration().getLoginMaxAttempts()) {
            return "until an administrator unlocks it";
        }
        Date expiry = user.getLockExpirationTime();
        return expiry == null ? "not at all" : "until " + Instant.ofEpochMilli(expiry.getTime());
    }

    /** The caller's address as the servlet container sees it (behind a proxy: with Spring's forwarded-header support). */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return "no HTTP request";
    }

    /** A user id as typed by anyone: no line breaks or control characters in the log, and not endless. */
    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "..." : clean;
    }
}
