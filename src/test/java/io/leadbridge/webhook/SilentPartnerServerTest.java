package io.leadbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A partner's server that accepts connections and never answers delays that partner's webhooks
 * and nothing else: routing and intake answer while the webhook worker's threads wait, no database
 * connection is held during the wait, the attempts time out and wait their backoff, and once the
 * server answers every delivery goes out once, signed; a server that never answers ends in a
 * FAILED delivery and an incident Cockpit shows.
 */
@LeadbridgeTest
@TestPropertySource(properties = {"leadbridge.webhooks.connect-timeout=1s", "leadbridge.webhooks.request-timeout=2s"})
class SilentPartnerServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As application.yaml configures it (leadbridge.webhooks.retry-backoff). */
    private static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2));

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired WebhookWorker worker;
    @Autowired RuntimeService runtime;
    @Autowired DataSource dataSource;

    private SilentPartnerServer partnerServer;
    private ApiClient carol;
    private String alpha;

    @BeforeEach
    void silentPartner() {
        fixtures.isolateFromEarlierTests();
        partnerServer = new SilentPartnerServer();
        access.provisionUser("carol", "Carol", "Channel", "carol@vendor.example", LeadFixtures.PASSWORD,
                VendorGroups.CHANNEL_MANAGERS);
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
        carol = ApiClient.as(port, "carol", LeadFixtures.PASSWORD);
        alpha = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(alpha);
    }

    @AfterEach
    void stop() throws Exception {
        partnerServer.close();
        engine.resetClock();
    }

    @Test
    void aSilentPartnerServerDelaysThatPartnersWebhooksAndNothingElse() throws Exception {
        Registered hook = register();
        List<Long> earlier = LongStream.range(0, 12).mapToObj(i -> fixtures.submit(fixtures.partnerLead("US")))
                .toList();

        // The "Deliver webhook" jobs POSTed inside the job and waited for the partner's server.
        assertTimeoutPreemptively(Duration.ofSeconds(15), engine::runDueJobs, "routing waits for the partner's server");
        assertThat(earlier).allMatch(id -> fixtures.lead(id).status() == LeadStatus.OFFERED);
        assertThat(partnerServer.heldConnections()).as("no lead step talks to the partner").isZero();

        // The worker's pool: two threads, each working through what is due.
        ExecutorService workerThreads = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = workerThreads.submit(worker::deliverDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> partnerServer.heldConnections() >= 1);
            Future<Integer> second = workerThreads.submit(worker::deliverDue);
            await().atMost(Duration.ofSeconds(10)).until(() -> partnerServer.heldConnections() >= 2);
            assertThat(dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getActiveConnections())
                    .as("database connections in use while both worker threads wait for the partner").isZero();

            ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
            long started = System.nanoTime();
            Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            long leadId = created.json().path("id").asLong();
            assertTimeoutPreemptively(Duration.ofSeconds(10), engine::runDueJobs);
            assertThat(marketing.get("/api/leads/" + leadId).json().path("status").asText())
                    .isEqualTo(LeadStatus.OFFERED.name());
            long healthStarted = System.nanoTime();
            assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - healthStarted)).isLessThan(Duration.ofSeconds(5));

            assertThat(first.get(90, TimeUnit.SECONDS) + second.get(90, TimeUnit.SECONDS))
                    .as("every delivery attempted once, the new lead's too").isEqualTo(13);
        } finally {
            workerThreads.shutdownNow();
        }

        JsonNode log = deliveries(hook);
        assertThat(log).hasSize(13).allSatisfy(row -> {
            assertThat(row.path("status").asText()).isEqualTo("PENDING");
            assertThat(row.path("attempts").asInt()).isEqualTo(1);
            assertThat(row.path("lastError").asText()).isEqualTo(DeliveryError.TIMEOUT);
            assertThat(row.has("lastStatusCode")).isFalse();
        });
        assertThat(worker.deliverDue()).as("each waits for its backoff").isZero();

        partnerServer.startAnswering();
        engine.passTimeWithoutJobs(BACKOFF.get(0).plusSeconds(1));
        assertThat(worker.deliverDue()).isEqualTo(13);
        assertThat(worker.deliverDue()).isZero();

        List<String> deliveryIds = StreamSupport.stream(log.spliterator(), false)
                .map(row -> row.path("id").asText()).toList();
        List<SilentPartnerServer.Request> received = partnerServer.received();
        assertThat(received).extracting(r -> r.header(WebhookSender.DELIVERY_HEADER))
                .as("every delivery went out once").containsExactlyInAnyOrderElementsOf(deliveryIds);
        for (SilentPartnerServer.Request post : received) {
            assertThat(post.requestLine()).startsWith("POST /hook ");
            assertThat(WebhookReceiver.verifies(post.header(WebhookSender.SIGNATURE_HEADER), post.body(),
                    hook.secret(), engineNow())).as("signed with the webhook's secret").isTrue();
            assertThat(JSON.readTree(post.body()).path("deliveryId").asText())
                    .isEqualTo(post.header(WebhookSender.DELIVERY_HEADER));
        }
        assertThat(deliveries(hook)).allSatisfy(row -> {
            assertThat(row.path("status").asText()).isEqualTo("DELIVERED");
            assertThat(row.path("attempts").asInt()).isEqualTo(2);
        });
    }

    @Test
    void aPartnerServerThatNeverAnswersEndsInAFailedDeliveryAndAnIncidentInCockpit() {
        Registered hook = register();
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        assertThat(worker.deliverDue()).isEqualTo(1);
        for (Duration backoff : BACKOFF) {
            engine.passTimeWithoutJobs(backoff.minusSeconds(5));
            assertThat(worker.deliverDue()).as("not tried again before %s", backoff).isZero();
            engine.passTimeWithoutJobs(Duration.ofSeconds(6));
            assertThat(worker.deliverDue()).as("tried again after %s", backoff).isEqualTo(1);
        }
        engine.passTimeWithoutJobs(Duration.ofDays(1));
        assertThat(worker.deliverDue()).as("no attempt after the last retry").isZero();

        JsonNode failed = deliveries(hook).get(0);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("attempts").asInt()).isEqualTo(1 + BACKOFF.size());
        assertThat(failed.path("lastError").asText()).isEqualTo(DeliveryError.TIMEOUT);
        assertThat(fixtures.lead(leadId).status()).as("the lead itself is untouched").isEqualTo(LeadStatus.OFFERED);

        String processInstanceId = runtime.createProcessInstanceQuery()
                .processDefinitionKey(WebhookVariables.PROCESS_KEY)
                .processInstanceBusinessKey(failed.path("id").asText()).singleResult().getId();
        Response incidents = carol.get("/engine-rest/incident?processInstanceId=" + processInstanceId);
        assertThat(incidents.status()).as(incidents.body()).isEqualTo(200);
        assertThat(incidents.json()).hasSize(1);
        JsonNode incident = incidents.json().get(0);
        assertThat(incident.path("incidentType").asText()).isEqualTo("failedExternalTask");
        assertThat(incident.path("activityId").asText()).isEqualTo(WebhookVariables.TASK_DELIVER_WEBHOOK);
        assertThat(incident.path("incidentMessage").asText()).contains(DeliveryError.TIMEOUT);
    }

    private Registered register() {
        Response response = carol.post("/api/partners/" + alpha + "/webhooks",
                Map.of("url", partnerServer.url("/hook"), "events", List.of("LEAD_OFFERED")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Registered(response.json().path("id").asText(), response.json().path("secret").asText());
    }

    private JsonNode deliveries(Registered hook) {
        return carol.get("/api/partners/" + alpha + "/webhooks/" + hook.id() + "/deliveries").json();
    }

    private static Instant engineNow() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    private record Registered(String id, String secret) {
    }
}
