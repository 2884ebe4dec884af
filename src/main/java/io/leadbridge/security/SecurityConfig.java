package io.leadbridge.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. {@code /api/**} and {@code /engine-rest/**} need HTTP Basic against
 * Camunda's users; {@code /api/**} also takes a partner CRM's API credential, which opens
 * nothing else (a CRM has no Camunda user: {@code /engine-rest} answers it 403). The Camunda
 * webapps ({@code /camunda/**}) keep their own login page and CSRF protection; {@code /public/**}
 * (the customer's contact check pages, opened by a signed token) and the dashboard's static shell
 * at {@code /} need no login; everything else needs a Camunda login too. Only a machine client of
 * {@code /api} or {@code /engine-rest} is ever asked for HTTP Basic ({@link LoginRequired}): a
 * browser's login box would cover the webapps' login page and keep the password for this host.
 *
 * <p>On top of that: {@code /api} refuses form-like requests another site could send
 * ({@link CrossSiteRequestFilter}); the engine-wide parts of the engine's API are for
 * {@code camunda-admin} only ({@link AdminOnlyDoorFilter}) and new passwords are checked against
 * the password policy ({@link PasswordPolicyFilter}), on {@code /engine-rest} and on the webapps'
 * engine API alike.
 */
@Configuration
class SecurityConfig {

    /** Only the page's own scripts, styles and calls; no inline script or style, no framing. */
    static final String DASHBOARD_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users,
            PartnerCredentials credentials, IdentityService identityService, CallerProvider callers, ObjectMapper json,
            PasswordRules passwordRules, AuthorizationService authorizations) throws Exception {
        return http
                // Plain path prefixes: /engine-rest is served by Jersey, not by Spring MVC.
                .securityMatcher(new OrRequestMatcher(pathStartsWith("/api/"), pathStartsWith("/engine-rest/")))
                // Without the global manager as parent: a refused password is checked once, not a second time
                // there (which would count as a login while the user is held back, and log it twice).
                .authenticationManager(new ProviderManager(users,
                        new PartnerCredentialAuthenticationProvider(credentials)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(pathStartsWith("/engine-rest/")).access(SecurityConfig::camundaUserOnly)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(LoginRequired.challengingMachineClients(json,
                        "Log in with HTTP Basic (a Camunda user and password, or a partner API credential "
                                + "clientId:secret).")))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        ProblemResponses.write(response, json, HttpStatus.FORBIDDEN,
                                pathStartsWith("/engine-rest/").matches(request)
                                        ? "The Camunda REST API is for Camunda users; a partner API credential opens "
                                                + "/api only."
                                        : e.getMessage())))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                // Instead of CSRF tokens (the API keeps no session): no form-like request from another site.
                .addFilterBefore(new CrossSiteRequestFilter(json), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineIdentityFilter(identityService, callers), AuthorizationFilter.class)
                .addFilterAfter(new AdminOnlyDoorFilter(EngineCaller.ofEngineRest(callers), json), AuthorizationFilter.class)
                .addFilterAfter(new PasswordPolicyFilter(EngineCaller.ofEngineRest(callers), passwordRules,
                        identityService, authorizations, json), AuthorizationFilter.class)
                .build();
    }

    /**
     * The dashboard's shell at {@code /}: static HTML, JavaScript, CSS and the chart library, with no
     * data in them, so no login; the page logs in to {@code /api} itself. A strict Content Security
     * Policy keeps any script but the page's own from running there, where the tab holds the
     * user's credentials.
     */
    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/", "/index.html", "/dashboard/**", "/webjars/echarts/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(DASHBOARD_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        // Static files only: let the browser revalidate them instead of fetching them anew.
                        .cacheControl(cache -> cache.disable()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Nothing here changes state; the page's calls go to /api with HTTP Basic.
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Everything else: the Camunda webapps (their own login), the contact check pages, health, and
     * behind a login the OpenAPI description and any other path. A login here comes with the
     * request (HTTP Basic, as {@code curl -u} sends it); no answer asks for one, since the
     * browser's login box it would raise covers the webapps' own login page (see {@link LoginRequired}).
     */
    @Bean
    @Order(3)
    SecurityFilterChain webSecurity(HttpSecurity http, CamundaUserAuthenticationProvider users, ObjectMapper json,
            PasswordRules passwordRules, IdentityService identityService, AuthorizationService authorizations)
            throws Exception {
        LoginRequired loginRequired = LoginRequired.withoutChallenge(json,
                "This address needs a login sent with the request (HTTP Basic, a Camunda user and password). "
                        + "Tasklist and Cockpit are at /camunda/app/ and have their own login page.");
        return http
                .authenticationManager(new ProviderManager(users))
                .authorizeHttpRequests(requests -> requests
                        // Camunda's webapps authenticate every call themselves.
                        .requestMatchers("/camunda/**", "/error", "/favicon.ico", "/actuator/health/**")
                        .permitAll()
                        // The customer's contact check links: the signed token in the path is the key.
                        .requestMatchers("/public/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(loginRequired))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(loginRequired))
                // The webapps carry their own CSRF token filter.
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                // Cockpit's engine API is the engine's REST API behind the webapp session: the same admin-only doors.
                .addFilterAfter(new AdminOnlyDoorFilter(EngineCaller.ofWebappSession(), json), AuthorizationFilter.class)
                .addFilterAfter(new PasswordPolicyFilter(EngineCaller.ofWebappSession(), passwordRules, identityService,
                        authorizations, json), AuthorizationFilter.class)
                .build();
    }

    /** The engine's REST API is for Camunda users: a partner CRM's credential does not open it. */
    private static AuthorizationDecision camundaUserOnly(Supplier<Authentication> authentication,
            RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        boolean camundaUser = caller != null && caller.isAuthenticated()
                && !(caller instanceof AnonymousAuthenticationToken)
                && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .noneMatch(PartnerCredentialAuthenticationProvider.PARTNER_CREDENTIAL::equals);
        return new AuthorizationDecision(camundaUser);
    }

    static RequestMatcher pathStartsWith(String prefix) {
        return request -> {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            return path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        };
    }
}
