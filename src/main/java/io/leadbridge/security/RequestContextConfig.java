package io.leadbridge.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Spring's request context from the first filter on, so that {@link LoginSecurityEvents} knows the
 * client's address while Spring Security checks a login. (Spring Boot's Jersey support registers
 * this filter only after the security filters.)
 */
@Configuration
class RequestContextConfig {

    @Bean
    FilterRegistrationBean<RequestContextFilter> requestContextFilter() {
        FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
