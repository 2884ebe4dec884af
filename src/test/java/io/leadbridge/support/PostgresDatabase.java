package io.leadbridge.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A PostgreSQL database of the test run's own. A server on 127.0.0.1:5432 (user postgres, trust
 * auth; override with LEADBRIDGE_TEST_PG_URL, _USER, _PASSWORD) gets a fresh database that is
 * dropped when the JVM ends. Where no server answers but Docker runs, Testcontainers starts one.
 */
public final class PostgresDatabase {

    private static final String URL = env("LEADBRIDGE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = env("LEADBRIDGE_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("LEADBRIDGE_TEST_PG_PASSWORD", "");

    private static Connection details;

    private PostgresDatabase() {
    }

    /** JDBC url, user and password of the test database. */
    public record Connection(String url, String username, String password) {
    }

    public static synchronized Connection get() {
        if (details == null) {
            details = localServerAnswers() ? createLocalDatabase() : startContainer();
        }
        return details;
    }

    private static boolean localServerAnswers() {
        DriverManager.setLoginTimeout(3);
        try (var ignored = DriverManager.getConnection(URL + "postgres", USER, PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static Connection createLocalDatabase() {
        String name = "leadbridge_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        execute("create database " + name);
        // Spring runs its shutdown handlers after it has closed every application context, so the
        // process engine is down before its database goes.
        SpringApplication.getShutdownHandlers().add(() -> execute("drop database if exists " + name + " with (force)"));
        return new Connection(URL + name, USER, PASSWORD);
    }

    private static void execute(String sql) {
        try (var connection = DriverManager.getConnection(URL + "postgres", USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL + ": " + sql + " failed", e);
        }
    }

    @SuppressWarnings("resource")
    private static Connection startContainer() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("No PostgreSQL server answers at " + URL
                    + " and no Docker engine runs for Testcontainers: start one of them (see README, Running the tests)");
        }
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine")
                .withDatabaseName("leadbridge").withUsername("leadbridge").withPassword("leadbridge");
        container.start();
        return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Points the Spring context at the test database. */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Connection db = get();
            TestPropertyValues.of(
                    "spring.datasource.url=" + db.url(),
                    "spring.datasource.username=" + db.username(),
                    "spring.datasource.password=" + db.password()).applyTo(context.getEnvironment());
        }
    }
}
