package io.leadbridge.lifecycle;

import static io.leadbridge.support.TaskAnswers.value;
import static io.leadbridge.support.TaskAnswers.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rep who holds a lead sees the prospect's contact person on its forms, as Tasklist loads them
 * ({@code form-variables}), while the engine keeps no personal data: no variable, no history.
 */
@LeadbridgeTest
class ProspectContactOnFormsTest {

    private static final String[] CONTACT_KEYS = {"contactName", "contactEmail", "contactPhone", "contactTitle"};

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired ContactDetailsRemoval removal;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theHoldingRepSeesTheContactOnItsFormWhileTheEngineKeepsNone() {
        Held held = acceptedLead("US");

        JsonNode shown = held.rep.get("/engine-rest/task/" + held.contactTaskId + "/form-variables").json();

        assertThat(shown.path("contactName").path("value").asText()).isEqualTo("Pat Prospect");
        assertThat(shown.path("contactEmail").path("value").asText()).endsWith("@prospect.example");
        assertThat(shown.path("contactPhone").path("value").asText()).isEqualTo("+1 555 0100");
        assertThat(shown.path("contactTitle").path("value").asText()).isEqualTo("CTO");
        assertThat(shown.path("contactName").path("type").asText()).isEqualTo("String");
        assertThat(shown.path("accountName").path("value").asText()).as("the process's own facts as before")
                .startsWith("Prospect ");
        JsonNode named = held.rep.get("/engine-rest/task/" + held.contactTaskId
                + "/form-variables?variableNames=contactEmail,product").json();
        assertThat(named.has("contactEmail")).isTrue();
        assertThat(named.has("contactName")).as("only the names asked for").isFalse();

        assertThat(runtime.getVariables(held.processInstanceId)).doesNotContainKeys(CONTACT_KEYS);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(held.processInstanceId)
                .variableNameIn(CONTACT_KEYS).count()).as("no personal data in history").isZero();
        JsonNode variables = held.rep.get("/engine-rest/task/" + held.contactTaskId + "/variables").json();
        assertThat(variables.has("contactEmail")).as("not a variable of the task either").isFalse();
    }

    @Test
    void anotherPartnersRepSeesNoContact() {
        Held held = acceptedLead("US");
        String other = fixtures.partner("other", PartnerTier.GOLD, "CA");
        ApiClient otherRep = ApiClient.as(port, fixtures.rep(other), LeadFixtures.PASSWORD);
        ApiClient anonymous = ApiClient.anonymous(port);

        Response theirs = otherRep.get("/engine-rest/task/" + held.contactTaskId + "/form-variables");
        Response nobody = anonymous.get("/engine-rest/task/" + held.contactTaskId + "/form-variables");

        assertThat(theirs.status()).as(theirs.body()).isIn(403, 404);
        assertThat(theirs.body()).doesNotContain("Pat Prospect").doesNotContain("prospect.example");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.body()).doesNotContain("Pat Prospect");
    }

    @Test
    void aSubmittedFormMaySendTheContactBackUnchangedAndItIsNotStored() {
        Held held = acceptedLead("US");
        JsonNode shown = held.rep.get("/engine-rest/task/" + held.contactTaskId + "/form-variables").json();

        Response changed = held.rep.post("/engine-rest/task/" + held.contactTaskId + "/submit-form", variables(
                "contactEmail", value("someone.else@rival.example"), "outcome", value("CONTACTED")));
        assertThat(changed.status()).as(changed.body()).isEqualTo(400);
        assertThat(changed.body()).contains("contactEmail").contains("read-only");
        assertThat(fixtures.lead(held.leadId).status()).isEqualTo(LeadStatus.ACCEPTED);

        Response asTasklistSendsIt = held.rep.post("/engine-rest/task/" + held.contactTaskId + "/submit-form",
                variables("contactName", value(shown.path("contactName").path("value").asText()),
                        "contactEmail", value(shown.path("contactEmail").path("value").asText()),
                        "contactPhone", value(shown.path("contactPhone").path("value").asText()),
                        "contactTitle", value(shown.path("contactTitle").path("value").asText()),
                        "outcome", value("CONTACTED"), "note", value("we are talking")));
        assertThat(asTasklistSendsIt.status()).as(asTasklistSendsIt.body()).isEqualTo(204);
        assertThat(fixtures.lead(held.leadId).status()).isEqualTo(LeadStatus.CONTACTED);

        assertThat(runtime.getVariables(held.processInstanceId)).doesNotContainKeys(CONTACT_KEYS);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(held.processInstanceId)
                .variableNameIn(CONTACT_KEYS).count()).isZero();
        Task report = tasks.createTaskQuery().processInstanceId(held.processInstanceId)
                .taskDefinitionKey("Task_ReportProgress").singleResult();
        JsonNode progress = held.rep.get("/engine-rest/task/" + report.getId() + "/form-variables").json();
        assertThat(progress.path("contactName").path("value").asText()).as("the progress form shows who to call")
                .isEqualTo("Pat Prospect");
    }

    @Test
    void contactDetailsThatEarlierLeadsKeptInTheEngineAreRemoved() {
        Held running = acceptedLead("US");
        Held ended = acceptedLead("DE");
        for (Held lead : List.of(running, ended)) {
            // what a lead accepted before this change holds
            runtime.setVariable(lead.processInstanceId, "contactName", "Pat Prospect");
            runtime.setVariable(lead.processInstanceId, "contactEmail", "pat@prospect.example");
            runtime.setVariable(lead.processInstanceId, "contactPhone", "+1 555 0100");
            runtime.setVariable(lead.processInstanceId, "contactTitle", "CTO");
        }
        runtime.deleteProcessInstance(ended.processInstanceId, "ended before the change");
        assertThat(history.createHistoricVariableInstanceQuery().variableNameIn(CONTACT_KEYS)
                .count()).as("the leads as they were").isEqualTo(8);

        assertThat(removal.removeFromEngine())
                .as("4 of the running lead (their history goes with them), 4 of the ended lead in history")
                .isEqualTo(8);

        assertThat(runtime.getVariables(running.processInstanceId))
                .doesNotContainKeys(CONTACT_KEYS).containsKey("slaTerms");
        assertThat(history.createHistoricVariableInstanceQuery().variableNameIn(CONTACT_KEYS)
                .count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(ended.processInstanceId)
                .variableName("slaTerms").count()).as("everything else stays").isOne();
        assertThat(removal.removeFromEngine()).as("nothing left to do").isZero();
        JsonNode shown = running.rep.get("/engine-rest/task/" + running.contactTaskId + "/form-variables").json();
        assertThat(shown.path("contactName").path("value").asText()).isEqualTo("Pat Prospect");
    }

    private record Held(long leadId, ApiClient rep, String contactTaskId, String processInstanceId) {
    }

    private Held acceptedLead(String country) {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, country);
        ApiClient rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long leadId = fixtures.submit(fixtures.partnerLead(country));
        engine.runDueJobs();
        Task offer = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").singleResult();
        Response accepted = rep.post("/engine-rest/task/" + offer.getId() + "/complete",
                variables("offerDecision", value("ACCEPT")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        Task contact = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_ContactProspect").singleResult();
        return new Held(leadId, rep, contact.getId(), contact.getProcessInstanceId());
    }
}
