package io.leadbridge.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadbridge.support.EditedTables;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tables in force are looked up once per transaction: a table an analyst deploys answers from
 * the next transaction on, and never half-way through one.
 */
@LeadbridgeTest
class DeployedDecisionsTest {

    @RegisterExtension final EditedTables tables = new EditedTables();
    @Autowired DeployedDecisions deployed;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired LeadFixtures fixtures;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @Test
    void aTableDeployedAnewAnswersFromTheNextTransactionOnAndNeverHalfWayThroughOne() {
        String edited = EditedTables.shipped("account-protection.dmn")
                .replace("\"northwind-systems\"", "\"contoso-partners\"");
        Map<String, Object> globex = Map.of("accountDomain", "globex.com", "accountName", "Globex", "country", "US");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        String[] seen = transaction.execute(status -> {
            String before = deployed.latest(AccountProtectionRules.DECISION).getId();
            tables.deploy("globex moves to contoso", "account-protection.dmn", edited);
            String after = deployed.latest(AccountProtectionRules.DECISION).getId();
            Object owner = deployed.evaluate(AccountProtectionRules.DECISION, globex).getFirstResult().get("partnerId");
            return new String[] {before, after, (String) owner};
        });
        assertThat(seen[1]).as("the version in force when the transaction first asked").isEqualTo(seen[0]);
        assertThat(seen[2]).isEqualTo("northwind-systems");

        String next = transaction.execute(status -> deployed.latest(AccountProtectionRules.DECISION).getId());
        assertThat(next).isNotEqualTo(seen[0]);
        assertThat(deployed.evaluate(AccountProtectionRules.DECISION, globex).getFirstResult().get("partnerId"))
                .as("outside a transaction too").isEqualTo("contoso-partners");
    }

    @Test
    void aTableNeverDeployedIsNamed() {
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> deployed.latest("noSuchTable")))
                .isInstanceOf(DecisionTableException.class).hasMessageContaining("noSuchTable")
                .hasMessageContaining("is not deployed");
    }
}
