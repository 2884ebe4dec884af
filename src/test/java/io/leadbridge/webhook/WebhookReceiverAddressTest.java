package io.leadbridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A partner's rep tries to point a webhook inside the vendor's network, with the settings a
 * production install has (https only, no private host allowed). DNS is played by the test: no
 * lookup leaves the machine, and a name can answer differently the second time (rebinding).
 */
@LeadbridgeTest
@TestPropertySource(properties = {"leadbridge.webhooks.allow-http=false", "leadbridge.webhooks.allowed-private-hosts="})
class WebhookReceiverAddressTest {

    private static final String PUBLIC_HOST = "crm.partner.example";

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ExternalTaskService externalTasks;
    @Autowired WebhookWorker worker;
    @Autowired JdbcClient jdbc;
    @MockitoBean WebhookHostResolver dns;

    private String partner;
    private ApiClient rep;

    @BeforeEach
    void partnerAndDns() throws Exception {
        fixtures.isolateFromEarlierTests();
        partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        rep = ApiClient.as(port, fixtures.rep(partner), LeadFixtures.PASSWORD);
        when(dns.resolve("localhost")).thenReturn(List.of(address("127.0.0.1"), address("::1")));
        when(dns.resolve("intranet.partner.example")).thenReturn(List.of(address("203.0.113.7"), address("10.1.2.3")));
        when(dns.resolve("metadata.partner.example")).thenReturn(List.of(address("169.254.169.254")));
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://127.0.0.1:5432/", "https://127.1/", "https://0x7f.1/",
            "https://0177.0.0.1/", "https://2130706433/", "https://[::ffff:127.0.0.1]/", "https://[::1]/",
            "https://0.0.0.0/", "https://169.254.169.254/latest/meta-data/", "https://[fd00::1]/",
            "https://[fe80::1]/", "https://224.0.0.1/", "https://100.64.0.1/", "https://10.0.0.5/",
            "https://172.16.0.1/", "https://192.168.1.1/", "https://[::ffff:a9fe:a9fe]/", "https://[64:ff9b::a00:1]/",
            "https://localhost/engine-rest/engine", "https://intranet.partner.example/hook",
            "https://metadata.partner.example/"})
    void aRepCannotPointAWebhookInsideTheVendorsNetwork(String url) {
        Response response = rep.post("/api/partners/" + partner + "/webhooks", Map.of("url", url));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors")).extracting(e -> e.path("field").asText()).containsExactly("url");
        assertThat(rep.get("/api/partners/" + partner + "/webhooks").json()).as("nothing stored").isEmpty();
    }

    @Test
    void aNameResolvingInsideIsRefusedNamingThePublicAddressRule() {
        Response response = rep.post("/api/partners/" + partner + "/webhooks",
                Map.of("url", "https://localhost/engine-rest/engine"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("public address");
    }

    @Test
    void plainHttpIsRefusedUnlessTheSettingAllowsIt() throws Exception {
        when(dns.resolve(PUBLIC_HOST)).thenReturn(List.of(address("203.0.113.10")));

        Response response = rep.post("/api/partners/" + partner + "/webhooks",
                Map.of("url", "http://" + PUBLIC_HOST + "/hook"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo("url");
        assertThat(response.json().path("errors").get(0).path("message").asText()).contains("https");
    }

    @Test
    void aHostThatResolvesInsideAtDeliveryTimeIsNeverConnectedTo() throws Exception {
        try (ServerSocket internal = new ServerSocket(0, 10, address("127.0.0.1"))) {
            // Public when the rep registers it, loopback when the delivery looks it up (DNS rebinding).
            when(dns.resolve(PUBLIC_HOST)).thenReturn(List.of(address("203.0.113.10")))
                    .thenReturn(List.of(address("127.0.0.1")));
            Response registered = rep.post("/api/partners/" + partner + "/webhooks",
                    Map.of("url", "https://" + PUBLIC_HOST + ":" + internal.getLocalPort() + "/hook",
                            "events", List.of("LEAD_OFFERED")));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

            fixtures.submit(fixtures.partnerLead("US"));
            engine.runDueJobs();
            assertThat(worker.deliverDue()).isEqualTo(1);
            assertThat(deliveryTask().getErrorMessage()).contains(DeliveryError.ADDRESS_NOT_ALLOWED);

            internal.setSoTimeout(300);
            assertThatThrownBy(internal::accept).as("no connection reached the internal port")
                    .isInstanceOf(SocketTimeoutException.class);
            JsonNode row = rep.get("/api/partners/" + partner + "/webhooks/" + registered.json().path("id").asText()
                    + "/deliveries").json().get(0);
            assertThat(row.path("lastError").asText()).isEqualTo(DeliveryError.ADDRESS_NOT_ALLOWED);
            assertThat(row.has("lastStatusCode")).isFalse();
            assertThat(row.path("status").asText()).isEqualTo("PENDING");
        }
    }

    @Test
    void aWebhookStoredBeforeTheRuleStillNeverReachesInside() throws Exception {
        try (ServerSocket internal = new ServerSocket(0, 10, address("127.0.0.1"))) {
            // Registered to the database port of the vendor before registration checked addresses.
            String webhookId = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into partner_webhook (id, partner_id, url, events, secret, created_by, created_at)
                    values (:id, :partner, :url, 'LEAD_OFFERED', 'whsec_old', 'rep', current_timestamp)""")
                    .param("id", webhookId).param("partner", partner)
                    .param("url", "http://127.0.0.1:" + internal.getLocalPort() + "/").update();

            fixtures.submit(fixtures.partnerLead("US"));
            engine.runDueJobs();
            assertThat(worker.deliverDue()).isEqualTo(1);
            assertThat(deliveryTask().getErrorMessage()).contains(DeliveryError.ADDRESS_NOT_ALLOWED);

            internal.setSoTimeout(300);
            assertThatThrownBy(internal::accept).isInstanceOf(SocketTimeoutException.class);
            JsonNode row = rep.get("/api/partners/" + partner + "/webhooks/" + webhookId + "/deliveries").json().get(0);
            assertThat(row.path("lastError").asText()).isEqualTo(DeliveryError.ADDRESS_NOT_ALLOWED);
        }
    }

    private static InetAddress address(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    private ExternalTask deliveryTask() {
        return externalTasks.createExternalTaskQuery().processDefinitionKey(WebhookVariables.PROCESS_KEY)
                .singleResult();
    }
}
