package io.leadbridge.rewards;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.rewards.RewardPointsRules.Points;
import io.leadbridge.rewards.RewardPointsRules.Step;
import io.leadbridge.support.EditedTables;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An event whose type no row of the reward table in force names earns nothing without the table
 * being asked (most lead events: offers, mails, reminders); a table whose rows name the type, or
 * take any type, is asked as before.
 */
@LeadbridgeTest
class RewardPointsRulesTest {

    private static final Step MAIL_SENT = new Step("NOTIFIED", null, "MID_MARKET", null, null);

    @RegisterExtension final EditedTables tables = new EditedTables();
    @Autowired RewardPointsRules rules;
    @Autowired ManagementService management;
    @Autowired ProcessEngineConfiguration configuration;
    @Autowired LeadFixtures fixtures;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
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
    void aRowThatNamesTheTypeAmongOthersIsAsked() {
        deploy("\"LOST\",\"NOTIFIED\"");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::points).contains(5);
    }

    @Test
    void aRowThatTakesAnyTypeHasEveryEventAsked() {
        deploy("-");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::ruleId).contains("Rule_LostReported");
    }

    @Test
    void aRowWithAnExpressionHasEveryEventAsked() {
        deploy("not(\"ACCEPTED\")");

        assertThat(rules.evaluate(MAIL_SENT)).map(Points::ruleId).contains("Rule_LostReported");
    }

    /** The shipped table, its lost-lead row's event type cell replaced. */
    private void deploy(String lostRowCell) {
        String table = EditedTables.shipped("reward-points.dmn");
        String lostRow = "<text>\"LOST\"</text>";
        assertThat(table).contains(lostRow);
        tables.deploy("reward for " + lostRowCell, "reward-points.dmn",
                table.replace(lostRow, "<text>" + lostRowCell.replace("\"", "&quot;") + "</text>"));
    }

    /** Decision tables the engine has evaluated so far. */
    private long evaluations() {
        ((ProcessEngineConfigurationImpl) configuration).getDbMetricsReporter().reportNow();
        return management.createMetricsQuery().name(Metrics.DECISION_INSTANCES).sum();
    }
}
