package io.leadbridge.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs users in against Camunda's own users, so a rep has one password for Tasklist and the API.
 * Each Camunda group becomes an authority {@code GROUP_<groupId>}. Client ids of partner CRM
 * credentials are left to {@link PartnerCredentialAuthenticationProvider}: no Camunda user can
 * log in under such a name.
 */
@Component
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaUserAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (PartnerCredentials.isClientId(username)) {
            return null;
        }
        Object credentials = authentication.getCredentials();
        if (username == null || username.isBlank() || credentials == null
                || !identityService.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> authorities = identityService.createGroupQuery().groupMember(username).list()
                .stream()
                .map(Group::getId)
                .map(id -> new SimpleGrantedAuthority(CallerProvider.GROUP_AUTHORITY_PREFIX + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
