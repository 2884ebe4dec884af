package io.leadbridge.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

/**
 * Refuses to start with the development defaults of {@code application.yaml} outside the
 * {@code demo} and {@code test} profiles: the first administrator's password
 * ({@code camunda.bpm.admin-user.password}) and the key that signs the customer contact check's
 * links ({@code leadbridge.contact-check.secret}), with which anyone could forge a customer's
 * answer. The message names the environment variable to set. It runs before any bean is
 * created, so the engine never creates the administrator with the built-in password.
 */
public class BuiltInSecretsCheck implements EnvironmentPostProcessor, Ordered {

    static final String ADMIN_PASSWORD = "camunda.bpm.admin-user.password";
    static final String CONTACT_CHECK_SECRET = "leadbridge.contact-check.secret";
    /** Camunda's own well-known default, refused as well. */
    private static final String CAMUNDA_DEFAULT_ADMIN_PASSWORD = "admin";
    /** The prefix that marks a contact check secret as a development value (application.yaml, docker-compose.yml). */
    private static final String DEV_ONLY_PREFIX = "dev-only-";
    private static final String BUILT_IN_CONFIGURATION = "class path resource [application.yaml]";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("demo | test"))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        String adminPassword = environment.getProperty(ADMIN_PASSWORD);
        Set<Object> builtInPasswords = builtIn(environment, ADMIN_PASSWORD);
        if (adminPassword == null || adminPassword.isBlank() || builtInPasswords.contains(adminPassword)
                || CAMUNDA_DEFAULT_ADMIN_PASSWORD.equals(adminPassword)) {
            problems.add(ADMIN_PASSWORD + " is the built-in demo password: set your own with the environment variable "
                    + "CAMUNDA_BPM_ADMIN_USER_PASSWORD (it must keep the password policy)");
        }
        String secret = environment.getProperty(CONTACT_CHECK_SECRET);
        if (secret == null || secret.startsWith(DEV_ONLY_PREFIX)
                || builtIn(environment, CONTACT_CHECK_SECRET).contains(secret)) {
            problems.add(CONTACT_CHECK_SECRET + " is the built-in development key: set your own with the environment "
                    + "variable LEADBRIDGE_CONTACT_CHECK_SECRET (at least 32 random characters, the same on every node)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Leadbridge does not start outside the demo profile with development "
                    + "defaults: " + String.join("; ", problems)
                    + ". See docs/operations.md, \"Before production\".");
        }
    }

    /** The values application.yaml inside the jar gives the property, in any of its documents. */
    private static Set<Object> builtIn(ConfigurableEnvironment environment, String property) {
        Set<Object> values = new HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> && source.getName().contains(BUILT_IN_CONFIGURATION)
                    && source.getProperty(property) != null) {
                values.add(source.getProperty(property).toString());
            }
        }
        return values;
    }

    /** After Spring Boot has read the configuration files. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
