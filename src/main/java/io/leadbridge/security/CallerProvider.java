package io.leadbridge.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The {@link Caller} of the current request, from Spring Security's context. */
@Component
public class CallerProvider {

    static final String GROUP_AUTHORITY_PREFIX = "GROUP_";

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("not logged in");
        }
        Set<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_AUTHORITY_PREFIX))
                .map(a -> a.substring(GROUP_AUTHORITY_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getName(), groups);
    }
}
