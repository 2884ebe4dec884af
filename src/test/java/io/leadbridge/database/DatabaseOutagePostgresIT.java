package io.leadbridge.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.DatabaseProxy;
import io.leadbridge.support.EngineBinding;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The database hangs under a running node, on PostgreSQL behind a {@link DatabaseProxy}: health
 * and readiness say so within about a second, the API answers 503 problem+json without any JDBC
 * text instead of hanging or a 500, and all of it recovers once the database answers again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = DatabaseOutagePostgresIT.BehindProxy.class)
@Import({EngineDriver.class, LeadFixtures.class})
@ExtendWith(EngineBinding.class)
class DatabaseOutagePostgresIT {

    static DatabaseProxy proxy;

    @LocalServerPort int port;
    @Autowired AccessProvisioning access;

    @AfterEach
    void databaseAnswersAgain() {
        proxy.resume();
    }

    @Test
    void aHungDatabaseIsReportedQuicklyAnsweredWith503AndRecoveredFrom() {
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        ApiClient carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        ApiClient probe = ApiClient.anonymous(port);
        assertThat(probe.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(carol.get("/api/leads").status()).isEqualTo(200);

        proxy.hang();

        Timed<Response> readiness = timed(() -> probe.get("/actuator/health/readiness"));
        assertThat(readiness.value().status()).isEqualTo(503);
        assertThat(readiness.took()).isLessThan(Duration.ofMillis(2500));
        Timed<Response> health = timed(() -> probe.get("/actuator/health"));
        assertThat(health.value().status()).isEqualTo(503);
        assertThat(health.took()).isLessThan(Duration.ofMillis(2500));
        assertThat(probe.get("/actuator/health/liveness").status()).as("a hung database is no reason to restart")
                .isEqualTo(200);

        Timed<Response> leads = timed(() -> carol.get("/api/leads"));
        assertThat(leads.value().status()).as(leads.value().body()).isEqualTo(503);
        assertThat(leads.value().header("Content-Type")).startsWith("application/problem+json");
        assertThat(leads.value().header("Retry-After")).isNotBlank();
        assertThat(leads.value().json().path("title").asText()).isEqualTo("Database unavailable");
        assertThat(leads.value().body()).doesNotContainIgnoringCase("jdbc").doesNotContainIgnoringCase("sql")
                .doesNotContainIgnoringCase("hikari").doesNotContainIgnoringCase("exception")
                .doesNotContainIgnoringCase("connection");
        assertThat(leads.took()).isLessThan(Duration.ofSeconds(15));

        proxy.resume();

        assertThat(eventually(() -> probe.get("/actuator/health/readiness").status() == 200)).isTrue();
        assertThat(carol.get("/api/leads").status()).isEqualTo(200);
        assertThat(probe.get("/actuator/health").status()).isEqualTo(200);
    }

    private record Timed<T>(T value, Duration took) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        Instant start = Instant.now();
        T value = call.get();
        return new Timed<>(value, Duration.between(start, Instant.now()));
    }

    /** Asks again for up to 20 s: a pool reconnecting takes a moment of real time, no engine clock involved. */
    private static boolean eventually(Supplier<Boolean> condition) {
        Instant giveUp = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            if (Instant.now().isAfter(giveUp)) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Points the application at the test database through the proxy. */
    static class BehindProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            PostgresDatabase.Connection db = PostgresDatabase.get();
            Matcher url = URL.matcher(db.url());
            if (!url.matches()) {
                throw new IllegalStateException("unexpected test database url " + db.url());
            }
            try {
                proxy = new DatabaseProxy(url.group(1), Integer.parseInt(url.group(2)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            TestPropertyValues.of(
                    "spring.datasource.url=jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + url.group(3),
                    "spring.datasource.username=" + db.username(),
                    "spring.datasource.password=" + db.password()).applyTo(context.getEnvironment());
        }
    }
}
