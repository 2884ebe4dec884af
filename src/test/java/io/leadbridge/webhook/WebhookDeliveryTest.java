package io.leadbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Outbound webhooks against a real HTTP server in the test: a partner registers a URL through the
 * API, lead events arrive there as signed JSON from the webhook worker working the "Deliver webhook"
 * external task, a failing receiver is retried with backoff and then becomes an incident and a
 * FAILED delivery. The worker does not run in the background in tests: they call
 * {@link WebhookWorker#deliverDue()} where the worker would have woken.
 */
@LeadbridgeTest
class WebhookDeliveryTest {

    /** The waits between attempts, as application.yaml configures them (leadbridge.webhooks.retry-backoff). */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));
    private static final Duration ACCEPT_REMINDER = Duration.ofHours(12);
    private static final Duration ACCEPT_SLA = Duration.ofDays(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ExternalTaskService externalTasks;
    @Autowired ManagementService management;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired WebhookWorker worker;
    @Autowired AccessProvisioning access;
    @Autowired ProspectRepository prospects;

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final AtomicReference<String> answerBody = new AtomicReference<>("");
    private ApiClient carol;

    @BeforeEach
    void receiverAndChannelManager() throws IOException {
        fixtures.isolateFromEarlierTests();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("X-Leadbridge-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-Leadbridge-Event"),
                        exchange.getRequestHeaders().getFirst("X-Leadbridge-Signature"), body));
            }
            byte[] body = answerBody.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.get(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        engine.resetClock();
    }

    @Test
    void anOfferIsPostedToThePartnersWebhookSignedWithItsSecret() throws Exception {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "US");
        Registered alphaHook = register(rep(alpha), alpha, "/alpha", null);
        Registered betaHook = register(rep(beta), beta, "/beta", null);

        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(received).as("the lead's steps never POST").isEmpty();
        assertThat(worker.deliverDue()).isEqualTo(1);

        String offered = fixtures.lead(leadId).partnerId();
        String other = offered.equals(alpha) ? beta : alpha;
        Registered offeredHook = offered.equals(alpha) ? alphaHook : betaHook;
        assertThat(received).as("only the offered partner's webhook hears of the lead").hasSize(1)
                .allMatch(r -> r.path().equals(offered.equals(alpha) ? "/alpha" : "/beta"));
        Received post = received.get(0);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.contentType()).startsWith("application/json");
        assertThat(post.event()).isEqualTo("LEAD_OFFERED");
        assertThat(WebhookReceiver.verifies(post.signature(), post.body(), offeredHook.secret(), engineNow()))
                .as("the documented receiver's check accepts %s", post.signature()).isTrue();
        assertThat(WebhookReceiver.verifies(post.signature(), post.body() + " ", offeredHook.secret(), engineNow()))
                .as("another body").isFalse();
        assertThat(WebhookReceiver.verifies(post.signature(), post.body(), offeredHook.secret(),
                engineNow().plus(Duration.ofMinutes(6)))).as("replayed after the five-minute window").isFalse();
        assertThat(WebhookReceiver.verifies(post.signature(), post.body(), "whsec_another", engineNow()))
                .as("another secret").isFalse();

        JsonNode payload = JSON.readTree(post.body());
        assertThat(payload.path("event").asText()).isEqualTo("LEAD_OFFERED");
        assertThat(payload.path("deliveryId").asText()).isEqualTo(post.deliveryId());
        assertThat(payload.path("leadId").asLong()).isEqualTo(leadId);
        assertThat(payload.path("partnerId").asText()).isEqualTo(offered);
        assertThat(payload.path("occurredAt").asText()).endsWith("Z");
        var lead = fixtures.lead(leadId);
        JsonNode facts = payload.path("lead");
        assertThat(facts.path("company").asText()).isEqualTo(prospects.account(lead.accountId()).name());
        assertThat(facts.path("country").asText()).isEqualTo("US");
        assertThat(facts.path("product").asText()).isEqualTo("Cloud Platform");
        assertThat(facts.path("segment").asText()).isEqualTo(lead.segment());
        assertThat(facts.path("grade").asText()).isEqualTo(lead.grade());
        assertThat(facts.path("acceptDueAt").asText()).isEqualTo(lead.slaDueAt().toString());
        assertThat(post.body()).doesNotContain(other);

        JsonNode log = carol.get(deliveriesPath(offered, offeredHook.id())).json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("id").asText()).isEqualTo(post.deliveryId());
        assertThat(log.get(0).path("event").asText()).isEqualTo("LEAD_OFFERED");
        assertThat(log.get(0).path("leadId").asLong()).isEqualTo(leadId);
        assertThat(log.get(0).path("status").asText()).isEqualTo("DELIVERED");
        assertThat(log.get(0).path("attempts").asInt()).isEqualTo(1);
        assertThat(log.get(0).path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(log.get(0).has("deliveredAt")).isTrue();
        assertThat(carol.get(deliveriesPath(other, other.equals(alpha) ? alphaHook.id() : betaHook.id())).json())
                .isEmpty();
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffThenRaisesAnIncidentAndARetryDelivers() {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        Registered hook = register(carol, alpha, "/alpha", List.of("LEAD_OFFERED"));
        answer.set(500);
        answerBody.set("FATAL: password authentication failed for user \"leadbridge\" on db-internal-7");

        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        long failedAt = failingAttempt();

        for (Duration backoff : BACKOFF) {
            ExternalTask waiting = deliveryTask();
            assertThat(waiting.getLockExpirationTime().getTime() - failedAt).as("next attempt after %s", backoff)
                    .isBetween(backoff.toMillis() - 1_000, backoff.toMillis() + 1_000);
            engine.passTimeWithoutJobs(backoff.minusSeconds(5));
            assertThat(worker.deliverDue()).as("not tried again before %s", backoff).isZero();
            engine.passTimeWithoutJobs(Duration.ofSeconds(6));
            failedAt = failingAttempt();
        }

        ExternalTask exhausted = deliveryTask();
        assertThat(exhausted.getRetries()).isZero();
        assertThat(worker.deliverDue()).as("no retry after the last").isZero();
        engine.passTimeWithoutJobs(Duration.ofDays(1));
        assertThat(worker.deliverDue()).as("nor a day later").isZero();
        assertThat(received).hasSize(1 + BACKOFF.size())
                .extracting(Received::deliveryId).containsOnly(received.get(0).deliveryId());
        assertThat(runtime.createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId())
                .incidentType("failedExternalTask").activityId(WebhookVariables.TASK_DELIVER_WEBHOOK).count())
                .isEqualTo(1);
        JsonNode failed = carol.get(deliveriesPath(alpha, hook.id())).json().get(0);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1 + BACKOFF.size());
        assertThat(failed.path("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(failed.path("lastError").asText()).as("a short error class, never the receiver's answer")
                .isEqualTo("HTTP_500");
        assertThat(carol.get(deliveriesPath(alpha, hook.id())).body()).doesNotContain("db-internal-7")
                .doesNotContain("FATAL");
        assertThat(failed.has("deliveredAt")).isFalse();
        assertThat(fixtures.lead(leadId).partnerId()).as("the lead itself is untouched").isEqualTo(alpha);

        answer.set(200);
        // Cockpit's "retry" of a failed external task.
        externalTasks.setRetries(exhausted.getId(), 1);
        assertThat(carol.get(deliveriesPath(alpha, hook.id())).json().get(0).path("status").asText())
                .as("retried from Cockpit").isEqualTo("PENDING");
        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(runtime.createIncidentQuery().processInstanceId(exhausted.getProcessInstanceId()).count()).isZero();
        JsonNode delivered = carol.get(deliveriesPath(alpha, hook.id())).json().get(0);
        assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2 + BACKOFF.size());
        assertThat(delivered.path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(received.get(received.size() - 1).body()).isEqualTo(received.get(0).body());
    }

    @Test
    void aReceiverThatRefusesTheConnectionIsLoggedAsConnectRefused() throws IOException {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        Response registered = carol.post("/api/partners/" + alpha + "/webhooks",
                Map.of("url", "http://127.0.0.1:" + closedPort + "/hook", "events", List.of("LEAD_OFFERED")));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(deliveryTask().getErrorMessage()).contains("CONNECT_REFUSED");

        JsonNode row = carol.get(deliveriesPath(alpha, registered.json().path("id").asText())).json().get(0);
        assertThat(row.path("lastError").asText()).isEqualTo("CONNECT_REFUSED");
        assertThat(row.has("lastStatusCode")).as("no answer came").isFalse();
        assertThat(row.path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aDeliveryWaitingInTheEarlierModelsJobIsHandedOverToTheWorker() {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        Registered hook = register(carol, alpha, "/alpha", List.of("LEAD_OFFERED"));
        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String deliveryId = carol.get(deliveriesPath(alpha, hook.id())).json().get(0).path("id").asText();

        // As if started before the upgrade: the delivery waits in the "Deliver webhook" job of the earlier model.
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(deliveryId).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test: started before the upgrade"));
        String earlier = repository.createDeployment().name("webhook delivery before the worker")
                .addClasspathResource("webhook/webhook-delivery-before-worker.bpmn").deploy().getId();
        String earlierModel = repository.createProcessDefinitionQuery().deploymentId(earlier).singleResult().getId();
        runtime.startProcessInstanceById(earlierModel, deliveryId);
        repository.createDeployment().name("webhook delivery, current")
                .addClasspathResource("webhook-delivery.bpmn").deploy();
        assertThat(management.createJobQuery().processDefinitionId(earlierModel).count()).isEqualTo(1);

        engine.runDueJobs();
        assertThat(received).as("the earlier model's job no longer POSTs").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(earlierModel).count()).isZero();
        assertThat(worker.deliverDue()).isEqualTo(1);

        assertThat(received).extracting(Received::deliveryId).containsExactly(deliveryId);
        JsonNode delivered = carol.get(deliveriesPath(alpha, hook.id())).json().get(0);
        assertThat(delivered.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(deliveryId).count()).isZero();
    }

    @Test
    void noRepLocksFailsOrFinishesADeliveryThroughTheEngineApi() {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        register(carol, alpha, "/alpha", List.of("LEAD_OFFERED"));
        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        ExternalTask task = deliveryTask();
        String taskPath = "/engine-rest/external-task/" + task.getId();
        Map<String, Object> lockForADay = Map.of("workerId", "intruder", "maxTasks", 10, "topics",
                List.of(Map.of("topicName", WebhookVariables.TOPIC_DELIVER_WEBHOOK, "lockDuration", 86_400_000)));

        assertThat(ApiClient.anonymous(port).post("/engine-rest/external-task/fetchAndLock", lockForADay).status())
                .isEqualTo(401);
        // External tasks are an engine-wide door: only the application's worker (and camunda-admin) acts on them,
        // not a rep of either partner and not a channel manager, who may change every lead process otherwise.
        for (ApiClient someone : List.of(rep(beta), rep(alpha), carol)) {
            Response fetched = someone.post("/engine-rest/external-task/fetchAndLock", lockForADay);
            assertThat(fetched.status()).as(fetched.toString()).isEqualTo(403);
            assertThat(someone.post(taskPath + "/lock", Map.of("workerId", "intruder", "lockDuration", 86_400_000))
                    .status()).isEqualTo(403);
            assertThat(someone.post(taskPath + "/complete", Map.of("workerId", "intruder")).status()).isEqualTo(403);
            assertThat(someone.post(taskPath + "/failure", Map.of("workerId", "intruder", "errorMessage", "x",
                    "retries", 0, "retryTimeout", 0)).status()).isEqualTo(403);
            assertThat(someone.put(taskPath + "/retries", Map.of("retries", 0)).status()).isEqualTo(403);
        }

        ExternalTask untouched = deliveryTask();
        assertThat(untouched.getWorkerId()).isNull();
        assertThat(untouched.getRetries()).isNull();
        assertThat(runtime.createIncidentQuery().processInstanceId(task.getProcessInstanceId()).count()).isZero();
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(received).hasSize(1);
    }

    @Test
    void theReminderAndTheWithdrawalArriveToo() throws Exception {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        register(carol, alpha, "/all", null);
        register(carol, alpha, "/withdrawals", List.of("LEAD_WITHDRAWN"));

        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        worker.deliverDue();
        engine.passTime(ACCEPT_REMINDER.plusMinutes(1));
        worker.deliverDue();
        engine.passTime(ACCEPT_SLA.minus(ACCEPT_REMINDER));
        worker.deliverDue();

        List<String> all = events("/all", leadId);
        assertThat(all).startsWith("LEAD_OFFERED", "ACCEPT_REMINDER", "LEAD_WITHDRAWN");
        assertThat(events("/withdrawals", leadId)).containsExactly("LEAD_WITHDRAWN");
        Received withdrawal = received.stream().filter(r -> r.path().equals("/withdrawals")).findFirst().orElseThrow();
        JsonNode payload = JSON.readTree(withdrawal.body());
        assertThat(payload.path("reason").asText()).isEqualTo("ACCEPT_SLA_MISSED");
        assertThat(payload.path("lead").has("acceptDueAt")).isFalse();
        Received reminder = received.stream().filter(r -> "ACCEPT_REMINDER".equals(r.event())).findFirst().orElseThrow();
        assertThat(JSON.readTree(reminder.body()).path("lead").path("acceptDueAt").asText()).isNotBlank();
    }

    @Test
    void onlyChannelManagersAndThePartnersOwnUsersManageItsWebhooks() {
        String alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String beta = fixtures.partner("beta", PartnerTier.GOLD, "DE");
        ApiClient betaRep = rep(beta);
        access.provisionUser("mark", "Mark", "Eting", "mark@vendor.example", LeadFixtures.PASSWORD);
        ApiClient marketing = ApiClient.as(port, "mark", LeadFixtures.PASSWORD);
        Map<String, Object> valid = Map.of("url", url("/alpha"));

        assertThat(betaRep.post("/api/partners/" + alpha + "/webhooks", valid).status()).isEqualTo(403);
        assertThat(marketing.post("/api/partners/" + alpha + "/webhooks", valid).status()).isEqualTo(403);
        assertThat(betaRep.get("/api/partners/" + alpha + "/webhooks").status()).isEqualTo(403);
        assertThat(carol.post("/api/partners/no-such-partner/webhooks", valid).status()).isEqualTo(404);

        assertBadField(carol.post("/api/partners/" + alpha + "/webhooks", Map.of("url", "ftp://crm.example/hook")), "url");
        assertBadField(carol.post("/api/partners/" + alpha + "/webhooks", Map.of("url", "/relative/hook")), "url");
        assertBadField(carol.post("/api/partners/" + alpha + "/webhooks", Map.of()), "url");
        assertBadField(carol.post("/api/partners/" + alpha + "/webhooks",
                Map.of("url", url("/alpha"), "events", List.of("LEAD_EXPLODED"))), "events[0]");

        Registered hook = register(carol, alpha, "/alpha", List.of("LEAD_OFFERED", "LEAD_WITHDRAWN"));
        assertThat(hook.secret()).startsWith("whsec_");
        Response list = rep(alpha).get("/api/partners/" + alpha + "/webhooks");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("events")).extracting(JsonNode::asText)
                .containsExactly("LEAD_OFFERED", "LEAD_WITHDRAWN");
        assertThat(list.body()).doesNotContain(hook.secret()).doesNotContain("secret");
        assertThat(betaRep.get(deliveriesPath(alpha, hook.id())).status()).isEqualTo(403);
        assertThat(carol.get(deliveriesPath(beta, hook.id())).status()).as("not beta's webhook").isEqualTo(404);

        assertThat(betaRep.delete("/api/partners/" + alpha + "/webhooks/" + hook.id()).status()).isEqualTo(403);
        assertThat(rep(alpha).delete("/api/partners/" + alpha + "/webhooks/" + hook.id()).status()).isEqualTo(204);
        assertThat(carol.get("/api/partners/" + alpha + "/webhooks").json()).isEmpty();
        assertThat(carol.get(deliveriesPath(alpha, hook.id())).status()).isEqualTo(404);

        fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(worker.deliverDue()).isZero();
        assertThat(received).as("a removed webhook hears nothing").isEmpty();
    }

    private static void assertBadField(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText()).contains(field);
    }

    private Registered register(ApiClient client, String partnerId, String path, List<String> events) {
        Map<String, Object> body = events == null ? Map.of("url", url(path)) : Map.of("url", url(path), "events", events);
        Response response = client.post("/api/partners/" + partnerId + "/webhooks", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode json = response.json();
        assertThat(response.location()).isEqualTo("/api/partners/" + partnerId + "/webhooks/" + json.path("id").asText());
        return new Registered(json.path("id").asText(), json.path("secret").asText());
    }

    private ApiClient rep(String partnerId) {
        return ApiClient.as(port, fixtures.rep(partnerId), LeadFixtures.PASSWORD);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static String deliveriesPath(String partnerId, String webhookId) {
        return "/api/partners/" + partnerId + "/webhooks/" + webhookId + "/deliveries";
    }

    private List<String> events(String path, long leadId) throws IOException {
        List<String> events = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path) && JSON.readTree(r.body()).path("leadId").asLong() == leadId) {
                events.add(r.event());
            }
        }
        return events;
    }

    /** The worker attempts the one delivery due, which fails; returns the engine time of the failure. */
    private long failingAttempt() {
        assertThat(worker.deliverDue()).isEqualTo(1);
        assertThat(deliveryTask().getErrorMessage()).contains("HTTP_500").doesNotContain("db-internal-7");
        return ClockUtil.getCurrentTime().getTime();
    }

    private ExternalTask deliveryTask() {
        return externalTasks.createExternalTaskQuery().processDefinitionKey(WebhookVariables.PROCESS_KEY)
                .activityId(WebhookVariables.TASK_DELIVER_WEBHOOK).singleResult();
    }

    private static Instant engineNow() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private record Registered(String id, String secret) {
    }

    private record Received(String path, String method, String contentType, String deliveryId, String event,
            String signature, String body) {
    }
}
