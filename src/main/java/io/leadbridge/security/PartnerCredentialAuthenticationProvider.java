package io.leadbridge.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Logs a partner CRM in with its API credential ({@code clientId:secret} as HTTP Basic). The
 * CRM becomes a caller named by its client id whose only group is its partner's, so every rule
 * for a partner rep applies to it unchanged; the extra authority {@link #PARTNER_CREDENTIAL}
 * marks it for the places a CRM may not go ({@code /engine-rest}).
 *
 * <p>It answers only for client ids and leaves every other login to the Camunda user provider.
 * Not a bean of its own: {@link SecurityConfig} adds it to the {@code /api} chain only.
 */
class PartnerCredentialAuthenticationProvider implements AuthenticationProvider {

    static final String PARTNER_CREDENTIAL = "PARTNER_CREDENTIAL";

    private final PartnerCredentials credentials;

    PartnerCredentialAuthenticationProvider(PartnerCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String clientId = authentication.getName();
        if (!PartnerCredentials.isClientId(clientId)) {
            return null;
        }
        Object secret = authentication.getCredentials();
        String partnerId = credentials.authenticate(clientId, secret == null ? null : secret.toString())
                .orElseThrow(() -> new BadCredentialsException("unknown or revoked API credential, or wrong secret"));
        return UsernamePasswordAuthenticationToken.authenticated(clientId, null, List.of(
                new SimpleGrantedAuthority(CallerProvider.GROUP_AUTHORITY_PREFIX
                        + VendorGroups.PARTNER_GROUP_PREFIX + partnerId),
                new SimpleGrantedAuthority(PARTNER_CREDENTIAL)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
