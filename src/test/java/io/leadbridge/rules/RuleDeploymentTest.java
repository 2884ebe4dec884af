package io.leadbridge.rules;

import static io.leadbridge.rules.DecisionFilesTest.editCell;
import static io.leadbridge.rules.DecisionFilesTest.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.lead.Lead;
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
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A business analyst deploys from Camunda Modeler, as Modeler does it (multipart
 * {@code POST /engine-rest/deployment/create}, HTTP Basic): a usable table takes effect with the
 * next lead; a table the application cannot use, anything but FEEL, and a process that runs code
 * are refused with 400 naming what is wrong, the version in force stays, and leads keep flowing.
 * The analyst reads definitions and decision history, and changes nothing else.
 */
@LeadbridgeTest
// A context of its own: the rules deployed here must not change the SLAs other tests rely on.
@TestPropertySource(properties = "leadbridge.mail-from=rule-deployment-test@leadbridge.local")
class RuleDeploymentTest {

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired AccessProvisioning access;
    @Autowired ProcessEngineConfigurationImpl configuration;

    private String analyst;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
        analyst = user("anna", VendorGroups.BUSINESS_ANALYSTS);
    }

    @Test
    void anAnalystDeploysAnEditedSlaPolicyFromModelerAndTheNextLeadFollowsIt() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String edited = editCell(editCell(table("sla-policy.dmn"), "LiteralExpression_MidMarket_AcceptReminder",
                "\"PT1H\""), "LiteralExpression_MidMarket_AcceptSla", "\"PT2H\"");

        Response deployed = deployFromModeler(as(analyst), "sla-policy.dmn", edited);

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(deployed.json().path("deployedDecisionDefinitions").toString()).contains("\"key\":\"slaPolicy\"");
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(acceptWindow(fixtures.lead(lead))).isCloseTo(Duration.ofHours(2), Duration.ofSeconds(5));
    }

    @Test
    void anSlaPolicyClockOtherThanCalendarOrWorkingOrAWorkingMonthIsRefusedNamingTheRow() {
        DecisionDefinition inForce = latest("slaPolicy");

        Response unknownClock = deployFromModeler(as(analyst), "sla-policy.dmn",
                editCell(table("sla-policy.dmn"), "LiteralExpression_Enterprise_Clock", "\"business\""));
        Response workingMonth = deployFromModeler(as(analyst), "sla-policy.dmn", editCell(editCell(
                table("sla-policy.dmn"), "LiteralExpression_Standard_Clock", "\"working\""),
                "LiteralExpression_Standard_CustomerCheckAfter", "\"P1M\""));

        assertThat(unknownClock.status()).as(unknownClock.body()).isEqualTo(400);
        assertThat(unknownClock.json().path("message").asText())
                .contains("table slaPolicy, row 3 (Rule_Enterprise")
                .contains("output 'clock': clock must be \"calendar\" or \"working\", is 'business'");
        assertThat(workingMonth.status()).as(workingMonth.body()).isEqualTo(400);
        assertThat(workingMonth.json().path("message").asText())
                .contains("row 5 (Rule_Standard")
                .contains("clock \"working\": a working-time duration counts weeks, days, hours and minutes, "
                        + "not months or years: 'P1M'");
        assertThat(latest("slaPolicy").getId()).as("the version in force stays").isEqualTo(inForce.getId());
    }

    @Test
    void aWorkingTimeRowsInsideSlaInMonthsIsRefusedAsItsOtherDurationsAre() {
        DecisionDefinition inForce = latest("slaPolicy");

        Response refused = deployFromModeler(as(analyst), "sla-policy.dmn", editCell(editCell(
                table("sla-policy.dmn"), "LiteralExpression_Standard_Clock", "\"working\""),
                "LiteralExpression_Standard_RepAcceptSla", "\"P1M\""));

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("row 5 (Rule_Standard")
                .contains("not months or years: 'P1M'");
        assertThat(latest("slaPolicy").getId()).as("the version in force stays").isEqualTo(inForce.getId());
    }

    @Test
    void aBrokenSlaPolicyIsRefusedNamingTableRowAndRuleAndNewLeadsAreStillOffered() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        DecisionDefinition inForce = latest("slaPolicy");
        long deployments = repository.createDeploymentQuery().count();
        String broken = editCell(table("sla-policy.dmn"), "LiteralExpression_MidMarket_ContactReminder", "\"P5D\"");

        Response refused = deployFromModeler(as(analyst), "sla-policy.dmn", broken);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText())
                .contains("sla-policy.dmn: table slaPolicy, row 4 (Rule_MidMarket \"Mid-market leads")
                .contains("contactReminder P5D must be shorter than contactSla P3D")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(latest("slaPolicy").getId()).as("the version in force stays").isEqualTo(inForce.getId());
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(fixtures.lead(lead).partnerId()).isEqualTo(partner);
        assertThat(runtime.createIncidentQuery().processInstanceId(fixtures.process(lead).getId()).count()).isZero();
    }

    @Test
    void aDecisionTableInJuelIsRefusedEvenFromAnAdministrator() {
        DecisionDefinition inForce = latest("leadQualification");
        String juel = table("lead-qualification.dmn").replace(
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\">\n          <text>score</text>",
                "<inputExpression id=\"InputExpression_Score\" typeRef=\"integer\" expressionLanguage=\"juel\">\n"
                        + "          <text>${\"\".getClass().forName(\"java.lang.Runtime\").getMethod(\"getRuntime\")"
                        + ".invoke(null).exec(\"touch target/deployed-juel-marker\")}</text>");

        ApiClient admin = ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD);
        for (ApiClient deployer : new ApiClient[] {as(analyst), admin}) {
            Response refused = deployFromModeler(deployer, "lead-qualification.dmn", juel);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).contains("lead-qualification.dmn: inputExpression "
                    + "'InputExpression_Score' in decision 'leadQualification': "
                    + "expressionLanguage \"juel\" is not FEEL");
        }
        assertThat(latest("leadQualification").getId()).isEqualTo(inForce.getId());
    }

    @Test
    void aFileThatIsNotDmnIsRefusedNamingTheFile() {
        Response refused = deployFromModeler(as(analyst), "notes.dmn", "these are not decision tables");

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("message").asText())
                .contains("notes.dmn: is not a DMN file the engine can read");
    }

    @Test
    void theEnginesOwnDmnEngineCannotEvaluateJuelOrScriptsEvenIfACheckWereMissed() {
        var dmn = configuration.getDmnEngineConfiguration();

        assertThatThrownBy(() -> dmn.getElProvider().createExpression("${1}")).hasMessageContaining("FEEL only");
        assertThatThrownBy(() -> dmn.getScriptEngineResolver().getScriptEngineForLanguage("javascript"))
                .hasMessageContaining("FEEL only");
    }

    @Test
    void aProcessThatRunsCodeIsRefusedForAnAnalyst() {
        Map<String, String> processes = Map.of(
                "<scriptTask id=\"Task_Evil\" scriptFormat=\"javascript\"><script>java.lang.Runtime.getRuntime()"
                        + "</script></scriptTask>", "scriptTask 'Task_Evil': a scriptTask runs code",
                "<serviceTask id=\"Task_Evil\" "
                        + "camunda:expression=\"${runtimeService.deleteProcessInstance('1', '')}\" />",
                "serviceTask 'Task_Evil' camunda:expression",
                "<serviceTask id=\"Task_Evil\" "
                        + "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneTaskActivityBehavior\" />",
                "serviceTask 'Task_Evil': camunda:class names code to run");

        processes.forEach((element, expected) -> {
            Response refused = deployFromModeler(as(analyst), "evil.bpmn", process(element));

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).contains("evil.bpmn: ").contains(expected);
        });
        Response html = deployFromModeler(as(analyst), "offer-form.html", "<script>alert(1)</script>");
        assertThat(html.status()).as(html.body()).isEqualTo(400);
        assertThat(html.json().path("message").asText()).contains("offer-form.html: only an administrator");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("evil").count()).isZero();
    }

    @Test
    void anAdministratorMayStillDeployAProcessThatRunsCode() {
        Response deployed = deployFromModeler(ApiClient.as(port, "admin", LeadFixtures.ADMIN_PASSWORD), "scripted.bpmn",
                process("<scriptTask id=\"Task_Script\" scriptFormat=\"javascript\"><script>1</script></scriptTask>")
                        .replace("id=\"evil\"", "id=\"scripted\""));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("scripted").count()).isEqualTo(1);
    }

    @Test
    void anAnalystMayDeployAProcessThatCallsOnlyLeadbridgesDelegates() {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey("leadLifecycle").count();

        Response deployed = deployFromModeler(as(analyst), "lead-lifecycle.bpmn", table("lead-lifecycle.bpmn"));

        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("leadLifecycle").count())
                .isEqualTo(versions + 1);
    }

    @Test
    void onlyBusinessAnalystsAndAdministratorsDeploy() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        String marketing = user("marketing", null);
        String channelManager = user("carol", VendorGroups.CHANNEL_MANAGERS);

        for (String outsider : new String[] {rep, marketing, channelManager}) {
            Response refused = deployFromModeler(as(outsider), "sla-policy.dmn", table("sla-policy.dmn"));
            assertThat(refused.status()).as(outsider + ": " + refused.body()).isEqualTo(403);
        }
    }

    @Test
    void anAnalystReadsDefinitionsAndDecisionHistoryAndChangesNothingElse() {
        fixtures.partner("alpha", PartnerTier.GOLD, "US");
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        String processInstance = fixtures.process(lead).getId();
        Job timer = management.createJobQuery().processInstanceId(processInstance).timers().list().get(0);
        Response own = deployFromModeler(as(analyst), "reward-points.dmn", table("reward-points.dmn")
                .replace("Definitions_RewardPoints", "Definitions_RewardPointsAgain"));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        ApiClient anna = as(analyst);

        assertThat(anna.get("/engine-rest/decision-definition?key=slaPolicy").json()).isNotEmpty();
        assertThat(anna.get("/engine-rest/process-definition?key=leadLifecycle").json()).isNotEmpty();
        assertThat(anna.get("/engine-rest/history/decision-instance?decisionDefinitionKey=leadQualification").json())
                .as("Cockpit's decision history").isNotEmpty();

        assertThat(anna.post("/engine-rest/user/create", Map.of("profile", Map.of("id", "mallory"),
                "credentials", Map.of("password", "mallory-123"))).status()).isEqualTo(403);
        assertThat(anna.post("/engine-rest/group/create", Map.of("id", "mallory-group")).status()).isEqualTo(403);
        assertThat(anna.put("/engine-rest/group/camunda-admin/members/" + analyst, Map.of()).status()).isEqualTo(403);
        assertThat(anna.post("/engine-rest/authorization/create", Map.of("type", 1, "permissions", new String[] {"ALL"},
                "userId", analyst, "resourceType", 0, "resourceId", "*")).status()).isEqualTo(403);
        assertThat(anna.post("/engine-rest/job/" + timer.getId() + "/execute", Map.of()).status()).isEqualTo(403);
        assertThat(anna.put("/engine-rest/job/" + timer.getId() + "/retries", Map.of("retries", 0)).status())
                .isEqualTo(403);
        assertThat(anna.delete("/engine-rest/process-instance/" + processInstance).status()).isEqualTo(403);
        assertThat(anna.delete("/engine-rest/deployment/" + own.json().path("id").asText() + "?cascade=true")
                .status()).as("not even the deployment it made").isEqualTo(403);
        assertThat(anna.get("/engine-rest/task").json()).isEmpty();
        assertThat(anna.get("/engine-rest/process-instance").json()).isEmpty();

        assertThat(fixtures.lead(lead).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(management.createJobQuery().jobId(timer.getId()).count()).isEqualTo(1);
    }

    /** The request Camunda Modeler's "Deploy" dialog makes: multipart, HTTP Basic, the file under its own name. */
    private static Response deployFromModeler(ApiClient client, String fileName, String content) {
        return client.postMultipart("/engine-rest/deployment/create", new String[][] {
                {"deployment-name", null, "analyst change"},
                {"deployment-source", null, "Camunda Modeler"},
                {"enable-duplicate-filtering", null, "true"},
                {"deploy-changed-only", null, "true"},
                {fileName, fileName, content}});
    }

    private ApiClient as(String username) {
        return ApiClient.as(port, username, LeadFixtures.PASSWORD);
    }

    /** A new user in the group (none: a vendor user in no group, as the marketing system's). */
    private String user(String prefix, String group) {
        String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
        if (group == null) {
            access.provisionUser(username, prefix, "Test", null, LeadFixtures.PASSWORD);
        } else {
            access.provisionUser(username, prefix, "Test", null, LeadFixtures.PASSWORD, group);
        }
        return username;
    }

    private DecisionDefinition latest(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    private static Duration acceptWindow(Lead lead) {
        return Duration.between(lead.updatedAt(), lead.slaDueAt());
    }

    private static String process(String element) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                             id="Definitions_Evil" targetNamespace="https://leadbridge.io/processes">
                  <process id="evil" isExecutable="true" camunda:historyTimeToLive="1">
                    <startEvent id="StartEvent_Go" />
                    %s
                  </process>
                </definitions>
                """.formatted(element).strip();
    }
}
