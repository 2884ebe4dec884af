package io.leadbridge.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Which database Leadbridge runs on, for the few statements that PostgreSQL and H2 (the embedded
 * default) spell differently, such as an insert that does nothing when the row is already there.
 */
@Component
public class DatabaseProduct {

    private final boolean postgres;

    DatabaseProduct(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.postgres = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL");
        }
    }

    public boolean isPostgres() {
        return postgres;
    }
}
