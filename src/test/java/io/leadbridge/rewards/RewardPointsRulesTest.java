package io.leadbridge.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.rewards.RewardPointsRules.Points;
import io.leadbridge.rewards.RewardPointsRules.Step;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * An event whose type no row of the reward table in force names earns nothing without the table
 * being asked (most lead events: offers, mails, reminders); a table whose rows name the type, or
 * take any type, is asked as before.
 */
@LeadbridgeTest
class RewardPointsRulesTest {

    private static final Step MAIL_SENT = new Step("NOTIFIED", null, "MID_MARKET", null, null);

    @Autowired RewardPointsRules rules;
    @Autowired RepositoryService repository;
    @Autowired ManagementService management;
    @Autowired ProcessEngineConfiguration configuration;
    @Autowired LeadFixtures fixtures;

    private String deployment;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void backToTheShippedTable() {
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void anEventTypeNoRowNamesEarnsNothingAndTheTableIsNotAsked() {
        long before = evaluations();

        assertThat(rules.evaluate(MAIL_SENT)).isEmpty();
        assertThat(evaluations()).as("table evaluations").isEqualTo(before);

        Optional<Points> lost = rules.evaluate(new Step("LOST", null, "MID_MARKET", null, null));
        assertThat(lost).map(Points::ruleId).contains("Rule_LostReported");
        assertThat(evaluations()).as("a named type is asked").isEqualTo(before + 1);
    }

    @Test
    void aRowThatNamesTheTypeAmongOthersIsAsked() throws IOException {
        deploy("\"LOST\",\"NOTIFIED\"");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::points).contains(5);
    }

    @Test
    void aRowThatTakesAnyTypeHasEveryEventAsked() throws IOException {
        deploy("-");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::ruleId).contains("Rule_LostReported");
    }

    @Test
    void aRowWithAnExpressionHasEveryEventAsked() throws IOException {
        deploy("not(\"ACCEPTED\")");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::ruleId).contains("Rule_LostReported");
    }

    /** The shipped table, its lost-lead row's event type cell replaced. */
    private void deploy(String lostRowCell) throws IOException {
        String table = new ClassPathResource("reward-points.dmn").getContentAsString(StandardCharsets.UTF_8);
        String lostRow = "<text>\"LOST\"</text>";
        assertThat(table).contains(lostRow);
        String edited = table.replace(lostRow, "<text>" + lostRowCell.replace("\"", "&quot;") + "</text>");
        deployment = repository.createDeployment().name("reward for " + lostRowCell)
                .addString("reward-points.dmn", edited).deploy().getId();
    }

    /** Decision tables the engine has evaluated so far. */
    private long evaluations() {
        ((ProcessEngineConfigurationImpl) configuration).getDbMetricsReporter().reportNow();
        return management.createMetricsQuery().name(Metrics.DECISION_INSTANCES).sum();
    }
}
