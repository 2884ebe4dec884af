package io.leadbridge.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A start outside the demo profile with the development defaults of application.yaml (the first
 * administrator's password, the contact check's signing key) fails at once, naming the setting to
 * set. A small Spring application reads the real application.yaml, as the service would.
 */
class BuiltInSecretsCheckTest {

    private static final String OWN_PASSWORD = "--camunda.bpm.admin-user.password=Our-Own-Pass-42";
    private static final String OWN_SECRET = "--leadbridge.contact-check.secret=kq3Vb0nR8xT2mW9zL5pC7yH1sD4fG6jE";

    @Test
    void refusesToStartWithoutAProfileWithTheBuiltInPasswordAndKey() {
        assertThatThrownBy(BuiltInSecretsCheckTest::start)
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD")
                .hasMessageContaining("LEADBRIDGE_CONTACT_CHECK_SECRET");
    }

    @Test
    void namesOnlyWhatIsStillTheBuiltInValue() {
        assertThatThrownBy(() -> start(OWN_PASSWORD))
                .hasMessageContaining("LEADBRIDGE_CONTACT_CHECK_SECRET")
                .hasMessageNotContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
        assertThatThrownBy(() -> start(OWN_SECRET, "--spring.profiles.active=postgres"))
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD")
                .hasMessageNotContaining("LEADBRIDGE_CONTACT_CHECK_SECRET");
    }

    @Test
    void refusesCamundasWellKnownAdminPasswordToo() {
        assertThatThrownBy(() -> start("--camunda.bpm.admin-user.password=admin", OWN_SECRET))
                .hasMessageContaining("CAMUNDA_BPM_ADMIN_USER_PASSWORD");
    }

    @Test
    void startsWithItsOwnPasswordAndKey() {
        try (ConfigurableApplicationContext context = start(OWN_PASSWORD, OWN_SECRET)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void startsWithTheBuiltInValuesInTheDemoProfile() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=demo")) {
            assertThat(context.getEnvironment().getProperty(BuiltInSecretsCheck.ADMIN_PASSWORD)).isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(NothingElse.class).web(WebApplicationType.NONE)
                .properties("spring.main.banner-mode=off").run(arguments);
    }

    /** The application's configuration files and environment, without its beans. */
    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }
}
