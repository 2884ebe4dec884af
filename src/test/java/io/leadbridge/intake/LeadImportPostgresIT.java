package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A CSV import on PostgreSQL, where a refused statement aborts its whole transaction: a row the
 * database refuses must take nothing but itself down.
 */
@PostgresTest
class LeadImportPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
    }

    @Test
    void eachRowStandsOnItsOwnOnPostgres() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String file = "externalId,source,product,score,contactFirstName,contactLastName,contactEmail,accountName,"
                + "accountDomain,accountCountry,accountAnnualRevenue\n"
                + row(batch, "a", "70", "1000000") + "\n"
                + row(batch, "b", "70", "1" + "0".repeat(20)) + "\n"
                + row(batch, "c", "101", "1000000") + "\n"
                + row(batch, "d", "70", "1000000") + "\n"
                + row(batch, "a", "70", "1000000") + "\n";

        JsonNode summary = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD)
                .postCsv("/api/leads/import", file).json();

        assertThat(summary.path("created").path("count").asInt()).isEqualTo(2);
        assertThat(summary.path("existing").path("count").asInt()).isEqualTo(1);
        List<Integer> rejected = new ArrayList<>();
        summary.path("rejected").path("rows").forEach(r -> rejected.add(r.path("line").asInt()));
        assertThat(rejected).containsExactly(3, 4);
        summary.path("created").path("leadIds").forEach(id -> assertThat(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(id.asText()).count()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from account where domain like :d").param("d", "%-" + batch + ".example")
                .query(Long.class).single()).isEqualTo(2);
    }

    private static String row(String batch, String name, String score, String revenue) {
        return String.join(",", name + "-" + batch, "csv-" + batch, "Cloud Platform", score, "Pat", "Prospect",
                name + "@" + batch + ".example", "Prospect " + name, name + "-" + batch + ".example", "US", revenue);
    }
}
