package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On PostgreSQL, which cannot store U+0000 and answers a failed statement with its SQL: a comment
 * with a NUL on an offer is refused with 400 naming the field (before: a 500 quoting
 * {@code insert into ACT_HI_COMMENT}), and the engine's failure to store a rep's own profile is a
 * 500 with an errorId and no SQL.
 */
@PostgresTest
class EngineTextPostgresIT {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;

    private String username;
    private String taskId;

    @BeforeEach
    void anOffer() {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("pgtext", PartnerTier.GOLD, "US");
        username = fixtures.rep(partner);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        taskId = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").singleResult().getId();
    }

    @Test
    void aCommentWithANulIsRefusedNamingTheFieldAndNothingIsStored() {
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);

        Response refused = admin.post("/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"a\\u0000b\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(refused.json().path("message").asText())
                .startsWith("message: must not contain control characters").endsWith("(found U+0000 at position 2)");
        assertThat(refused.body()).doesNotContainIgnoringCase("sql").doesNotContain("ACT_");
        assertThat(tasks.getTaskComments(taskId)).isEmpty();
    }

    @Test
    void theEnginesFailureToStoreARepsOwnProfileCarriesAnErrorIdAndNoSql() {
        ApiClient rep = ApiClient.as(port, username, LeadFixtures.PASSWORD);

        Response failed = rep.put("/engine-rest/user/" + username + "/profile", "{\"id\":\"" + username
                + "\",\"firstName\":\"" + "R".repeat(300) + "\",\"lastName\":\"Rep\",\"email\":\"" + username
                + "@partner.example\"}");

        assertThat(failed.status()).as(failed.body()).isEqualTo(500);
        JsonNode body = failed.json();
        assertThat(body.path("errorId").asText()).as(failed.body()).isNotBlank();
        assertThat(body.path("type").asText()).isNotBlank();
        assertThat(failed.body()).doesNotContainIgnoringCase("sql").doesNotContainIgnoringCase("insert")
                .doesNotContainIgnoringCase("update ").doesNotContain("org.").doesNotContain("java.")
                .doesNotContain("ACT_ID_USER").doesNotContain("###");
    }
}
