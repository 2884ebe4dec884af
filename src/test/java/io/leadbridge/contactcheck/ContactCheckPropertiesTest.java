package io.leadbridge.contactcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** {@code leadbridge.contact-check.*}: the secret production sets, and what is refused. */
class ContactCheckPropertiesTest {

    private static final String SECRET = "a-production-secret-of-at-least-32-characters";

    @Test
    void productionSetsTheSecretWithTheEnvironmentVariableTheDocsName() {
        var environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("LEADBRIDGE_CONTACT_CHECK_SECRET", SECRET, "LEADBRIDGE_CONTACTCHECK_ANSWERWINDOW", "P3D"));

        ContactCheckProperties properties = new Binder(ConfigurationPropertySources.from(environment))
                .bind("leadbridge.contact-check", ContactCheckProperties.class).get();

        assertThat(properties.secret()).isEqualTo(SECRET);
        assertThat(properties.answerWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(properties.developmentSecret()).isFalse();
    }

    @Test
    void refusesAShortOrMissingSecret() {
        assertThatThrownBy(() -> new ContactCheckProperties(Duration.ofDays(7), "short"))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> new ContactCheckProperties(Duration.ofDays(7), null))
                .hasMessageContaining("LEADBRIDGE_CONTACT_CHECK_SECRET");
        assertThatThrownBy(() -> new ContactCheckProperties(Duration.ZERO, SECRET))
                .hasMessageContaining("answer-window");
    }

    @Test
    void answersWithinAWeekUnlessToldOtherwiseAndNeverPrintsTheSecret() {
        ContactCheckProperties properties = new ContactCheckProperties(null, SECRET);

        assertThat(properties.answerWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.toString()).doesNotContain(SECRET);
    }

    @Test
    void knowsTheDevelopmentDefault() {
        assertThat(new ContactCheckProperties(null, "dev-only-contact-check-secret-do-not-use-in-production")
                .developmentSecret()).isTrue();
    }
}
