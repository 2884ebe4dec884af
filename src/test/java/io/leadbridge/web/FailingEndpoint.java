package io.leadbridge.web;

import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tests only (component-scanned from the test classpath into every test context): an endpoint that
 * fails the way a database failure does, with SQL, table names and a value in the exception's
 * message, so a test can see what the API lets out of an unexpected error.
 */
@Hidden
@RestController
class FailingEndpoint {

    static final String PATH = "/api/test-only/failure";
    static final String LEAKED = "insert into lead (id, notes) values (?, ?) [Value too long for column "
            + "\"NOTES CHARACTER VARYING(4000)\": \"'secret-prospect-notes'\"]";

    @GetMapping(PATH)
    String fail() {
        throw new DataIntegrityViolationException("PreparedStatementCallback; SQL [" + LEAKED + "]",
                new SQLException("Syntax error in SQL statement \"SELECT * FROM PARTNER_CREDENTIAL\"", "42000"));
    }
}
