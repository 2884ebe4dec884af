package io.leadbridge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine's REST API takes no control characters (issue 10): a rep's comment, profile or form
 * answer holding U+0000 is answered 400 in Camunda's error shape naming the JSON path, and nothing
 * is stored; tab and line breaks pass. And the engine's own 5xx answers carry no SQL.
 */
@LeadbridgeTest
class EngineTextTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;

    private String username;
    private ApiClient rep;
    private String taskId;

    @BeforeEach
    void aRepWithAnOffer() {
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("text", PartnerTier.GOLD, "US");
        username = fixtures.rep(partner);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").singleResult();
        taskId = task.getId();
        rep = ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    @Test
    void aCommentWithANulOnAnOfferIsRefusedNamingTheField() {
        // A rep may not comment (Camunda looks the task up in history, which reps do not read); a vendor admin may.
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        Response refused = admin.post("/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"a\\u0000b\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(refused.json().path("message").asText())
                .startsWith("message: must not contain control characters")
                .endsWith("(found U+0000 at position 2)");
        assertThat(tasks.getTaskComments(taskId)).isEmpty();

        Response written = admin.post("/engine-rest/task/" + taskId + "/comment/create",
                "{\"message\":\"called them\\tno answer\\r\\nwill retry\"}");
        assertThat(written.status()).as("tab and line breaks pass: " + written.body()).isEqualTo(200);
        assertThat(tasks.getTaskComments(taskId)).hasSize(1);
    }

    @Test
    void aProfileWithAControlCharacterIsRefusedAndLeftAsItWas() {
        String before = identity.createUserQuery().userId(username).singleResult().getFirstName();

        Response refused = rep.put("/engine-rest/user/" + username + "/profile", "{\"id\":\"" + username
                + "\",\"firstName\":\"Ra\\u001be\",\"lastName\":\"Rep\",\"email\":\"" + username + "@partner.example\"}");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).startsWith("firstName: ").contains("U+001B at position 3");
        assertThat(identity.createUserQuery().userId(username).singleResult().getFirstName()).isEqualTo(before);
    }

    @Test
    void aFormAnswerNamesItsPathAndAFieldNameIsCheckedToo() {
        Response value = rep.post("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"offerDecision\":{\"value\":\"DECLINE\"},\"declineReason\":{\"value\":\"no\\u0000\"}}}");
        Response name = rep.post("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"bad\\u0000name\":{\"value\":\"x\"}}}");
        Response inArray = rep.post("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"notes\":{\"value\":[\"ok\",\"\\u0007\"]}}}");

        assertThat(value.status()).as(value.body()).isEqualTo(400);
        assertThat(value.json().path("message").asText()).startsWith("variables.declineReason.value: ");
        assertThat(name.status()).as(name.body()).isEqualTo(400);
        assertThat(name.json().path("message").asText()).startsWith("a field name in variables: ");
        assertThat(inArray.status()).as(inArray.body()).isEqualTo(400);
        assertThat(inArray.json().path("message").asText()).startsWith("variables.notes.value[1]: ");
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult()).as("the offer is still open").isNotNull();
    }

    @Test
    void aQueryParameterWithAControlCharacterIsRefusedNamingIt() {
        Response query = rep.get("/engine-rest/task?nameLike=%00offer");
        Response path = rep.get("/engine-rest/task/" + taskId + "%00/form-variables");

        assertThat(query.status()).as(query.body()).isEqualTo(400);
        assertThat(query.json().path("message").asText()).startsWith("nameLike: must not contain control characters");
        assertThat(path.status()).as("Tomcat refuses %00 in a path itself: " + path.body()).isEqualTo(400);
        assertThat(rep.get("/engine-rest/task?nameLike=Accept%25").status()).isEqualTo(200);
    }

    @Test
    void anAnonymousCallerIsAskedToLogInFirst() {
        Response anonymous = ApiClient.anonymous(port).post("/engine-rest/task/" + taskId + "/comment/create",
                "{\"message\":\"a\\u0000b\"}");

        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413() {
        Response tooLarge = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).post("/engine-rest/task/" + taskId + "/comment/create",
                "{\"message\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}");

        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.json().path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(tasks.getTaskComments(taskId)).isEmpty();
    }

    @Test
    void theEnginesFailureToStoreAProfileCarriesAnErrorIdAndNoSql() {
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
