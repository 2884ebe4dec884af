package io.leadbridge.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/leads} over HTTP: intake validation and idempotency, reading, listing, actions and who may do what. */
@LeadbridgeTest
class LeadApiTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired RuntimeService runtime;
    @Autowired JdbcClient jdbc;

    ApiClient marketing;
    ApiClient carol;

    @BeforeEach
    void users() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @Test
    void nothingIsReachableWithoutLoggingIn() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/leads").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/leads", fixtures.partnerLead("US")).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/partners").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/process-instance").status()).isEqualTo(401);
        // A user of its own: Camunda delays the next login of a user after a wrong password.
        access.provisionUser("forgetful", "For", "Getful", "forgetful@vendor.example", LeadFixtures.PASSWORD);
        assertThat(ApiClient.as(port, "forgetful", "wrong-password").get("/api/leads").status()).isEqualTo(401);
        Response refused = anonymous.get("/api/leads/1");
        assertThat(refused.json().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void anInvalidLeadIsRefusedNamingEveryBadFieldAndNothingIsStored() {
        long leadsBefore = count("lead");
        Map<String, Object> bad = Map.of(
                "source", "web-form",
                "product", "Cloud Platform",
                "score", 150,
                "contact", Map.of("firstName", "Pat", "email", "not-an-email"),
                "account", Map.of("name", "Acme", "domain", "acme", "country", "XX", "employees", 0,
                        "annualRevenue", new java.math.BigDecimal("1e20")));

        Response response = marketing.post("/api/leads", bad);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("externalId", "score", "contact.lastName", "contact.email",
                "account.domain", "account.country", "account.employees", "account.annualRevenue");
        assertThat(response.json().path("detail").asText()).contains("account.country");
        assertThat(count("lead")).isEqualTo(leadsBefore);
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        Response response = marketing.post("/api/leads", """
                {"externalId": "x", "source": "web", "product": "p", "score": "high",
                 "contact": {}, "account": {}}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("score");
    }

    @Test
    void theSameLeadSentTwiceIsStoredOnceWithOneProcess() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        LeadSubmission submission = fixtures.partnerLead("US");

        Response first = marketing.post("/api/leads", submission);
        Response again = marketing.post("/api/leads", submission);

        assertThat(first.status()).isEqualTo(201);
        long id = first.json().path("id").asLong();
        assertThat(first.location()).isEqualTo("/api/leads/" + id);
        assertThat(first.json().path("status").asText()).isEqualTo("NEW");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(id)).count())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lead where external_id = :e").param("e", submission.externalId())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCompanyAndAPersonSendingSeveralLeadsAreStoredOnce() {
        LeadSubmission first = fixtures.partnerLead("US");
        LeadSubmission second = new LeadSubmission("other-" + first.externalId(), first.source(), first.campaign(),
                "Security Suite", 80, first.contact(), new LeadSubmission.Account(first.account().name(),
                "WWW." + first.account().domain().toUpperCase(), null, "US", 300, null), null);

        long a = marketing.post("/api/leads", first).json().path("id").asLong();
        long b = marketing.post("/api/leads", second).json().path("id").asLong();

        assertThat(a).isNotEqualTo(b);
        assertThat(jdbc.sql("select count(distinct account_id) || '/' || count(distinct contact_id) from lead "
                + "where id in (:a, :b)").param("a", a).param("b", b).query(String.class).single()).isEqualTo("1/1");
        JsonNode account = carol.get("/api/leads/" + b).json().path("account");
        assertThat(account.path("employees").asInt()).isEqualTo(300);
        assertThat(account.path("industry").asText()).as("a fact left out is kept").isEqualTo("Retail");
    }

    @Test
    void aLeadShowsItsStatusHolderSlaAndTimeline() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        engine.runDueJobs();

        JsonNode lead = carol.get("/api/leads/" + id).json();

        assertThat(lead.path("status").asText()).isEqualTo("OFFERED");
        assertThat(lead.path("segment").asText()).isEqualTo("MID_MARKET");
        assertThat(lead.path("grade").asText()).isEqualTo("B");
        assertThat(lead.path("partnerId").asText()).isEqualTo(partner);
        assertThat(lead.path("attemptCount").asInt()).isEqualTo(1);
        assertThat(lead.path("sla").path("kind").asText()).isEqualTo("ACCEPT");
        assertThat(lead.path("sla").path("dueAt").asText()).isNotBlank();
        List<String> types = new ArrayList<>();
        lead.path("events").forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).containsSubsequence("CREATED", "QUALIFIED", "OFFERED");
        assertThat(lead.path("events").get(0).path("actor").asText()).isEqualTo("marketing");
        assertThat(carol.get("/api/leads/987654321").status()).isEqualTo(404);
    }

    @Test
    void leadsAreListedByFilterAndPage() {
        String campaign = "campaign-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            LeadSubmission s = fixtures.partnerLead("DE");
            marketing.post("/api/leads", new LeadSubmission(s.externalId(), s.source(), campaign, s.product(),
                    s.score(), s.contact(), s.account(), null));
        }

        JsonNode page = carol.get("/api/leads?campaign=" + campaign + "&country=DE&size=2&page=0").json();
        JsonNode last = carol.get("/api/leads?campaign=" + campaign + "&size=2&page=1").json();

        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("items")).hasSize(2);
        assertThat(last.path("items")).hasSize(1);
        assertThat(carol.get("/api/leads?campaign=" + campaign + "&country=FR").json().path("total").asLong()).isZero();
        assertThat(carol.get("/api/leads?size=500").status()).isEqualTo(400);
        assertThat(carol.get("/api/leads?status=SOMEWHERE").status()).isEqualTo(400);
    }

    @Test
    void aRepSeesAndActsOnlyOnItsOwnPartnersLeadsThroughEveryDoor() {
        String ours = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String theirs = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        ApiClient ourRep = ApiClient.as(port, fixtures.rep(ours), LeadFixtures.PASSWORD);
        ApiClient theirRep = ApiClient.as(port, fixtures.rep(theirs), LeadFixtures.PASSWORD);
        long ourLead = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        long theirLead = marketing.post("/api/leads", fixtures.partnerLead("DE")).json().path("id").asLong();
        engine.runDueJobs();

        assertThat(ourRep.get("/api/leads/" + ourLead).status()).isEqualTo(200);
        assertThat(ourRep.get("/api/leads/" + ourLead).json().path("contact").isMissingNode())
                .as("contact details only after acceptance").isTrue();
        assertThat(ourRep.get("/api/leads/" + theirLead).status()).isEqualTo(403);
        assertThat(ourRep.post("/api/leads/" + theirLead + "/accept", "{}").status()).isEqualTo(403);
        assertThat(ourRep.get("/api/leads?partner=" + theirs).status()).isEqualTo(403);
        JsonNode listed = ourRep.get("/api/leads?size=200").json();
        listed.path("items").forEach(l -> assertThat(l.path("partnerId").asText()).isEqualTo(ours));
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        assertThat(ourRep.get("/api/partners/" + theirs).status()).isEqualTo(403);

        JsonNode ourTasks = ourRep.get("/engine-rest/task").json();
        assertThat(ourTasks).hasSize(1);
        assertThat(ourRep.get("/engine-rest/process-instance").json()).isEmpty();
        String theirTask = theirRep.get("/engine-rest/task").json().get(0).path("id").asText();
        assertThat(ourRep.get("/engine-rest/task/" + theirTask).status()).isIn(403, 404);
        assertThat(ourRep.post("/engine-rest/task/" + theirTask + "/complete",
                Map.of("variables", Map.of("offerDecision", Map.of("value", "ACCEPT")))).status()).isIn(403, 404);
        assertThat(fixtures.lead(theirLead).status().name()).isEqualTo("OFFERED");

        Response accepted = ourRep.post("/api/leads/" + ourLead + "/accept", "{}");
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().path("contact").path("email").asText()).contains("@prospect.example");
    }

    @Test
    void anActionOnALeadInTheWrongStateIsRefusedAndChangesNothing() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        ApiClient repClient = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();

        Response tooEarly = repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "CONTACTED"));
        assertThat(tooEarly.status()).as("the lead is not held by the partner yet").isEqualTo(403);

        engine.runDueJobs();
        assertThat(repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "CONTACTED")).status())
                .isEqualTo(409);
        assertThat(repClient.post("/api/leads/" + id + "/decline", Map.of()).status()).isEqualTo(400);
        assertThat(repClient.post("/api/leads/" + id + "/accept", "{}").status()).isEqualTo(200);
        Response twice = repClient.post("/api/leads/" + id + "/accept", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().path("detail").asText()).contains("ACCEPTED");
        assertThat(repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "LOST")).json()
                .path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "MAYBE")).status()).isEqualTo(400);
        assertThat(fixtures.lead(id).status().name()).isEqualTo("ACCEPTED");

        Response contacted = repClient.post("/api/leads/" + id + "/contact",
                Map.of("outcome", "CONTACTED", "note", "demo booked"));
        assertThat(contacted.json().path("status").asText()).isEqualTo("CONTACTED");
        Response withoutValue = repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "WON"));
        assertThat(withoutValue.status()).isEqualTo(400);
        assertThat(withoutValue.json().path("errors").get(0).path("field").asText()).isEqualTo("amount");
        Response won = repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "WON", "amount", 15000,
                "currency", "USD"));
        assertThat(won.json().path("status").asText()).isEqualTo("WON");
        assertThat(repClient.post("/api/leads/" + id + "/contact", Map.of("outcome", "WON", "amount", 15000,
                "currency", "USD")).status()).isEqualTo(409);
    }

    @Test
    void onlyChannelManagersWithdrawAndAssignAndTheyMustSayWhyAndToWhom() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String other = fixtures.partner("beta", PartnerTier.GOLD, "CA");
        ApiClient repClient = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        engine.runDueJobs();

        assertThat(repClient.post("/api/leads/" + id + "/withdraw", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(marketing.post("/api/leads/" + id + "/assign", Map.of("partnerId", other)).status()).isEqualTo(403);
        assertThat(carol.post("/api/leads/" + id + "/withdraw", Map.of()).status()).isEqualTo(400);
        Response unknown = carol.post("/api/leads/" + id + "/assign", Map.of("partnerId", "no-such-partner"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("partnerId");
        assertThat(carol.post("/api/leads/" + id + "/assign", Map.of("partnerId", partner)).status()).isEqualTo(409);
        assertThat(fixtures.lead(id).partnerId()).isEqualTo(partner);

        Response assigned = carol.post("/api/leads/" + id + "/assign", Map.of("partnerId", other));
        assertThat(assigned.status()).isEqualTo(200);
        engine.runDueJobs();
        assertThat(fixtures.lead(id).partnerId()).isEqualTo(other);
        assertThat(repClient.get("/api/leads/" + id).status()).as("the withdrawn partner loses access at once")
                .isEqualTo(403);

        Response withdrawn = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).post("/api/leads/" + id + "/withdraw",
                Map.of("reason", "prospect asked to pause"));
        assertThat(withdrawn.status()).isEqualTo(200);
        engine.runDueJobs();
        assertThat(fixtures.lead(id).status().name()).as("nobody else is eligible").isEqualTo("UNASSIGNED");
        assertThat(carol.post("/api/leads/" + id + "/withdraw", Map.of("reason", "again")).status()).isEqualTo(409);
    }

    @Test
    void aRepCompletingTasksThroughEngineRestCannotRewriteTheLeadsFacts() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String favourite = fixtures.partner("friend", PartnerTier.GOLD, "CA");
        String rep = fixtures.rep(partner);
        ApiClient repClient = ApiClient.as(port, rep, LeadFixtures.PASSWORD);
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        long otherLead = marketing.post("/api/leads", fixtures.partnerLead("DE")).json().path("id").asLong();
        engine.runDueJobs();
        repClient.post("/api/leads/" + id + "/accept", "{}");
        var deadline = fixtures.lead(id).slaDueAt();
        String contactTask = repClient.get("/engine-rest/task").json().get(0).path("id").asText();

        Response completed = repClient.post("/engine-rest/task/" + contactTask + "/complete", Map.of("variables", Map.of(
                "outcome", Map.of("value", "NOT_REACHABLE"),
                "contactDueAt", Map.of("value", "2099-01-01T00:00:00.000+0000", "type", "Date"),
                "repUsername", Map.of("value", "carol"),
                "leadId", Map.of("value", otherLead, "type", "Long"))));

        // Before, the engine took the answer and ignored the variables the process keeps for itself;
        // now a task takes only its form's variables: the whole completion is refused, naming one.
        assertThat(completed.status()).as(completed.body()).isEqualTo(400);
        assertThat(completed.body()).contains("contactDueAt");
        assertThat(fixtures.lead(id).status().name()).isEqualTo("ACCEPTED");
        engine.runDueJobs();
        assertThat(fixtures.lead(id).slaDueAt()).isEqualTo(deadline);
        JsonNode again = repClient.get("/engine-rest/task").json();
        assertThat(again).hasSize(1);
        assertThat(again.get(0).path("assignee").asText()).isEqualTo(rep);
        assertThat(java.time.OffsetDateTime.parse(again.get(0).path("due").asText(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                .isEqualTo(deadline);
        assertThat(fixtures.lead(otherLead).status().name()).isEqualTo("UNASSIGNED");
        assertThat(jdbc.sql("select count(*) from lead_event where lead_id = :id and type = 'CONTACT_ATTEMPTED'")
                .param("id", otherLead).query(Integer.class).single()).isZero();

        String nextLead = Long.toString(marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong());
        engine.runDueJobs();
        String offer = repClient.get("/engine-rest/task?taskDefinitionKey=Task_AcceptLead").json().get(0).path("id").asText();
        Response nominating = repClient.post("/engine-rest/task/" + offer + "/complete", Map.of("variables", Map.of(
                "offerDecision", Map.of("value", "DECLINE"),
                "declineReason", Map.of("value", "busy"),
                "nominatedPartnerId", Map.of("value", favourite))));
        assertThat(nominating.status()).as(nominating.body()).isEqualTo(400);
        assertThat(nominating.body()).contains("nominatedPartnerId");
        engine.runDueJobs();
        assertThat(fixtures.lead(Long.parseLong(nextLead)).partnerId()).as("a rep cannot pick the next partner")
                .isEqualTo(partner);
        assertThat(fixtures.lead(Long.parseLong(nextLead)).status().name()).as("the decline is refused as a whole")
                .isEqualTo("OFFERED");
    }

    @Test
    void aChannelManagerCannotAssignALeadToASuspendedPartner() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String suspended = fixtures.partner("suspended", PartnerTier.GOLD, "CA");
        jdbc.sql("insert into partner_standing (partner_id, standing, since, updated_at) "
                + "values (:p, 'SUSPENDED', current_timestamp, current_timestamp)").param("p", suspended).update();
        long id = marketing.post("/api/leads", fixtures.partnerLead("US")).json().path("id").asLong();
        engine.runDueJobs();

        Response refused = carol.post("/api/leads/" + id + "/assign", Map.of("partnerId", suspended));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("detail").asText()).contains("suspended");
        assertThat(fixtures.lead(id).partnerId()).isNotEqualTo(suspended);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
