package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.lead.Lead;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

/**
 * A business analyst edits the SLA policy in Camunda Modeler and deploys it through
 * {@code /engine-rest/deployment/create}: the next lead follows the new table, with no restart.
 */
@LeadbridgeTest
// A context of its own: the rule deployed here must not change the SLAs other tests rely on.
@TestPropertySource(properties = "leadbridge.mail-from=analyst-test@leadbridge.local")
class AnalystRuleChangeTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RepositoryService repository;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void anEditedSlaPolicyDeployedOverRestAppliesToTheNextLead() throws IOException {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long before = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(acceptWindow(fixtures.lead(before))).isCloseTo(Duration.ofDays(1), Duration.ofSeconds(5));

        String table = new ClassPathResource("sla-policy.dmn").getContentAsString(StandardCharsets.UTF_8);
        String edited = editMidMarketRow(table, "PT1H", "PT2H");
        Response deployed = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD).postMultipart("/engine-rest/deployment/create",
                new String[][] {
                        {"deployment-name", null, "tighter mid-market SLA"},
                        {"deploy-changed-only", null, "true"},
                        {"data", "sla-policy.dmn", edited}});

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("slaPolicy").latestVersion()
                .singleResult().getVersion()).isGreaterThan(1);
        long after = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(acceptWindow(fixtures.lead(after))).isCloseTo(Duration.ofHours(2), Duration.ofSeconds(5));
    }

    @Test
    void aPartnerRepCannotDeployRules() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);

        Response refused = ApiClient.as(port, rep, LeadFixtures.PASSWORD).postMultipart("/engine-rest/deployment/create",
                new String[][] {{"deployment-name", null, "sneaky"}, {"data", "sla-policy.dmn", "<x/>"}});

        assertThat(refused.status()).isEqualTo(403);
    }

    private static Duration acceptWindow(Lead lead) {
        return Duration.between(lead.updatedAt(), lead.slaDueAt());
    }

    /** The mid-market row with a new accept reminder and accept SLA; the rest of the table unchanged. */
    private static String editMidMarketRow(String table, String acceptReminder, String acceptSla) {
        Matcher row = Pattern.compile("(<rule id=\"Rule_MidMarket\">.*?</rule>)", Pattern.DOTALL).matcher(table);
        assertThat(row.find()).as("the SLA policy has a mid-market row").isTrue();
        String original = row.group(1);
        String edited = original.replaceFirst("\"PT12H\"", "\"" + acceptReminder + "\"")
                .replaceFirst("\"P1D\"", "\"" + acceptSla + "\"");
        assertThat(edited).isNotEqualTo(original);
        return table.replace(original, edited);
    }
}
