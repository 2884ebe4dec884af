package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadbridgeTest;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spring Security's observations (a timer per filter, authentication and authorization of every
 * request) are off: nothing reads them. The timing of each HTTP request stays for operators who
 * expose metrics.
 */
@LeadbridgeTest
class SecurityObservationsTest {

    @Autowired ObservationRegistry observations;

    @Test
    void securityFiltersAreNotTimedButRequestsAre() {
        assertThat(Observation.start("spring.security.filterchains", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authentications", observations).isNoop()).isTrue();
        assertThat(Observation.start("spring.security.authorizations", observations).isNoop()).isTrue();
        assertThat(Observation.start("http.server.requests", observations).isNoop()).isFalse();
    }
}
