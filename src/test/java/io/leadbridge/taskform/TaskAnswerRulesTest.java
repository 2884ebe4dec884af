package io.leadbridge.taskform;

import static io.leadbridge.support.TaskAnswers.value;
import static io.leadbridge.support.TaskAnswers.variables;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A rep answering its own task through {@code /engine-rest} may write exactly the variables of the
 * task's form, with values the form allows; everything the process keeps for itself (deadlines,
 * the partner of an offer) stays out of reach, and a refused answer changes nothing.
 */
@LeadbridgeTest
class TaskAnswerRulesTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired AccessProvisioning access;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aRepCannotMoveItsContactDeadlineWhenItAcceptsAnOffer() {
        Offer offer = offerToOnePartner("US");
        Instant before = Instant.now();

        Response rewritten = offer.rep.post("/engine-rest/task/" + offer.taskId + "/complete", variables(
                "offerDecision", value("ACCEPT"), "contactSla", value("P3650D")));

        assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(400);
        assertThat(rewritten.body()).contains("contactSla").contains("acceptLeadForm");
        assertThat(fixtures.lead(offer.leadId).status()).as("nothing changed").isEqualTo(LeadStatus.OFFERED);
        assertThat(tasks.createTaskQuery().taskId(offer.taskId).count()).as("the offer is still open").isOne();

        Response accepted = offer.rep.post("/engine-rest/task/" + offer.taskId + "/complete",
                variables("offerDecision", value("ACCEPT")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(fixtures.lead(offer.leadId).slaDueAt()).as("the contact SLA of the rules, not the rep's")
                .isBefore(before.plus(Duration.ofDays(30)));
    }

    /** The routing after a decline asks the tables in the rep's own request, as the rep. */
    @Test
    void aRepsDeclineOffersTheLeadToTheNextPartnerByTheTablesInForce() {
        Offer offer = offerToOnePartner("US");
        String next = fixtures.partner("beta", PartnerTier.GOLD, "US");
        fixtures.rep(next);

        Response declined = offer.rep.post("/engine-rest/task/" + offer.taskId + "/complete", variables(
                "offerDecision", value("DECLINE"), "declineReason", value("no budget this year")));

        assertThat(declined.status()).as(declined.body()).isEqualTo(204);
        assertThat(fixtures.lead(offer.leadId).partnerId()).isEqualTo(next);
        assertThat(fixtures.lead(offer.leadId).attemptCount()).isEqualTo(2);
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.OFFERED);
    }

    @Test
    void aRepCannotHandItsAcceptanceToAnotherPartnersLead() {
        Offer ours = offerToOnePartner("US");
        Offer theirs = offerToOnePartner("DE");

        Response hijack = ours.rep.post("/engine-rest/task/" + ours.taskId + "/complete", variables(
                "offerDecision", value("ACCEPT"), "competitor", value(theirs.partnerId)));

        assertThat(hijack.status()).as(hijack.body()).isEqualTo(400);
        assertThat(hijack.body()).contains("competitor");
        assertThat(fixtures.lead(ours.leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(fixtures.lead(ours.leadId).partnerId()).isEqualTo(ours.partnerId);
        assertThat(fixtures.lead(theirs.leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(fixtures.lead(theirs.leadId).partnerId()).isEqualTo(theirs.partnerId);
        JsonNode mine = ours.rep.get("/engine-rest/task").json();
        assertThat(mine).as("still only its own offer, no contact task, no prospect").hasSize(1);
        assertThat(mine.get(0).path("id").asText()).isEqualTo(ours.taskId);
    }

    @Test
    void aCompetitorCannotCloseItsRivalsOfferWithItsOwnDecline() {
        List<String> racers = new ArrayList<>();
        Map<String, String> reps = new HashMap<>();
        for (int i = 0; i < 4; i++) {
            String id = fixtures.partner("racer" + i, PartnerTier.SILVER, "NL", "US");
            reps.put(id, fixtures.rep(id));
            racers.add(id);
        }
        long leadId = fixtures.submit(fixtures.lead("NL", 88, 20, "Cloud Platform", "Retail"));
        engine.runDueJobs();
        Map<String, Task> offers = offersByPartner(leadId);
        assertThat(offers).hasSize(3);
        List<String> racing = new ArrayList<>(offers.keySet());
        String me = racing.get(0);
        String rival = racing.get(1);
        ApiClient rep = ApiClient.as(port, reps.get(me), LeadFixtures.PASSWORD);

        Response decline = rep.post("/engine-rest/task/" + offers.get(me).getId() + "/complete", variables(
                "offerDecision", value("DECLINE"), "declineReason", value("not for us"), "competitor", value(rival)));

        assertThat(decline.status()).as(decline.body()).isEqualTo(400);
        assertThat(decline.body()).contains("competitor");
        assertThat(offersByPartner(leadId)).as("every offer still open, the rival's too")
                .containsOnlyKeys(racing.toArray(String[]::new));
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
    }

    @Test
    void aDeclineReasonWithAControlCharacterIsRefusedNamingTheFieldAndNothingChanges() {
        Offer offer = offerToOnePartner("US");

        Response refused = offer.rep.post("/engine-rest/task/" + offer.taskId + "/complete", variables(
                "offerDecision", value("DECLINE"), "declineReason", value("no\u0000budget")));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("declineReason").contains("control characters")
                .doesNotContainIgnoringCase("insert").doesNotContainIgnoringCase("sql");
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(tasks.createTaskQuery().taskId(offer.taskId).count()).as("the offer is still open").isOne();
    }

    @Test
    void anAnswerTheStepsOwnCheckRefusesIsA400NamingTheFieldAndNothingChanges() {
        Offer offer = offerToOnePartner("US");

        Response noReason = offer.rep.post("/engine-rest/task/" + offer.taskId + "/complete",
                variables("offerDecision", value("DECLINE")));
        Response noDecision = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form", variables());

        assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("declineReason").contains("a decline needs a reason")
                .doesNotContain("errorId").doesNotContain("java.").doesNotContain("Exception while");
        assertThat(noDecision.status()).as(noDecision.body()).isEqualTo(400);
        assertThat(noDecision.body()).contains("offerDecision");
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(tasks.createTaskQuery().taskId(offer.taskId).count()).as("the offer is still open").isOne();
    }

    @Test
    void aSubmittedFormIsHeldToTheSameRules() {
        Offer offer = offerToOnePartner("US");

        Response rewritten = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form", variables(
                "offerDecision", value("ACCEPT"), "contactSla", value("P3650D")));
        assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(400);
        assertThat(rewritten.body()).contains("contactSla");

        Response maybe = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form",
                variables("offerDecision", value("MAYBE")));
        assertThat(maybe.status()).as(maybe.body()).isEqualTo(400);
        assertThat(maybe.body()).contains("offerDecision").contains("ACCEPT");

        Response renamed = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form", variables(
                "offerDecision", value("ACCEPT"), "accountName", value("Someone Else Ltd")));
        assertThat(renamed.status()).as("a read-only field cannot be changed: " + renamed.body()).isEqualTo(400);
        assertThat(renamed.body()).contains("accountName");

        Response tooLong = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form", variables(
                "offerDecision", value("DECLINE"), "declineReason", value("x".repeat(1001))));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);
        assertThat(tooLong.body()).contains("declineReason");
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.OFFERED);

        Map<String, Object> shown = runtime.getVariables(offer.processInstanceId);
        Response asTasklistSendsIt = offer.rep.post("/engine-rest/task/" + offer.taskId + "/submit-form", variables(
                "accountName", value(shown.get("accountName")), "country", value(shown.get("country")),
                "campaign", value(shown.get("campaign") == null ? "" : shown.get("campaign")),
                "segment", value(shown.get("segment")), "offerDecision", value("ACCEPT")));
        assertThat(asTasklistSendsIt.status()).as(asTasklistSendsIt.body()).isEqualTo(204);
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.ACCEPTED);
    }

    @Test
    void aRepCannotWriteVariablesDirectly() {
        Offer offer = offerToOnePartner("US");
        Object sla = runtime.getVariable(offer.processInstanceId, "slaTerms");
        Object due = runtime.getVariable(offer.processInstanceId, "acceptDueAt");

        Response put = offer.rep.put("/engine-rest/task/" + offer.taskId + "/variables/slaTerms",
                value("{\"contactSla\":\"P3650D\"}"));
        Response putLocal = offer.rep.put("/engine-rest/task/" + offer.taskId + "/localVariables/offerDecision",
                value("ACCEPT"));
        Response modify = offer.rep.post("/engine-rest/task/" + offer.taskId + "/variables",
                Map.of("modifications", Map.of("competitor", value("someone-else")), "deletions", List.of()));
        Response delete = offer.rep.delete("/engine-rest/task/" + offer.taskId + "/variables/acceptDueAt");

        for (Response refused : List.of(put, putLocal, modify, delete)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        }
        assertThat(sla).isNotNull();
        assertThat(runtime.getVariable(offer.processInstanceId, "slaTerms")).isEqualTo(sla);
        assertThat(runtime.getVariable(offer.processInstanceId, "acceptDueAt")).isEqualTo(due);
        assertThat(runtime.getVariable(offer.processInstanceId, "competitor")).isNull();
        assertThat(tasks.getVariablesLocal(offer.taskId)).doesNotContainKey("offerDecision");
    }

    @Test
    void onlyCamundaAdministratorsEditProcessVariables() {
        Offer offer = offerToOnePartner("US");
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                "channel-managers");
        ApiClient carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        String path = "/engine-rest/process-instance/" + offer.processInstanceId + "/variables/slaTerms";
        String longer = ((String) runtime.getVariable(offer.processInstanceId, "slaTerms"))
                .replace("\"contactSla\":\"P3D\"", "\"contactSla\":\"P5D\"");
        assertThat(longer).contains("\"contactSla\":\"P5D\"");

        Response manager = carol.put(path, value(longer));
        assertThat(manager.status()).as(manager.body()).isEqualTo(403);
        assertThat(manager.body()).contains("slaTerms");

        Response fixedByAdmin = admin.put(path, value(longer));
        assertThat(fixedByAdmin.status()).as(fixedByAdmin.body()).isEqualTo(204);
        assertThat(runtime.getVariable(offer.processInstanceId, "slaTerms")).isEqualTo(longer);
    }

    @Test
    void theApiStillAnswersTasksWithTheFormsVariablesOnly() {
        Offer offer = offerToOnePartner("US");

        assertThat(offer.rep.post("/api/leads/" + offer.leadId + "/accept", "{}").status()).isEqualTo(200);
        Response lost = offer.rep.post("/api/leads/" + offer.leadId + "/contact",
                Map.of("outcome", "LOST", "reason", "NO_BUDGET", "note", "budget frozen"));

        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(fixtures.lead(offer.leadId).status()).isEqualTo(LeadStatus.LOST);
    }

    private record Offer(long leadId, String partnerId, ApiClient rep, String taskId, String processInstanceId) {
    }

    private Offer offerToOnePartner(String country) {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, country);
        String username = fixtures.rep(partner);
        long leadId = fixtures.submit(fixtures.partnerLead(country));
        engine.runDueJobs();
        assertThat(fixtures.lead(leadId).partnerId()).isEqualTo(partner);
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").singleResult();
        return new Offer(leadId, partner, ApiClient.as(port, username, LeadFixtures.PASSWORD), task.getId(),
                task.getProcessInstanceId());
    }

    private Map<String, Task> offersByPartner(long leadId) {
        Map<String, Task> offers = new HashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(Long.toString(leadId))
                .taskDefinitionKey("Task_AcceptLead").list()) {
            for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
                // The partner's group; its lead managers' group (partner-<id>-managers) is a candidate too.
                if (link.getGroupId() != null && link.getGroupId().startsWith("partner-")
                        && !link.getGroupId().endsWith("-managers")) {
                    offers.put(link.getGroupId().substring("partner-".length()), task);
                }
            }
        }
        return offers;
    }
}
