package io.leadbridge.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadbridgeTest;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** An account is read once per transaction, until a later lead of the company changes its facts. */
@LeadbridgeTest
class AccountReadsInTransactionTest {

    @Autowired ProspectRepository prospects;
    @Autowired TransactionTemplate transactions;

    @Test
    void aSecondReadInTheSameTransactionIsTheFirstUntilTheAccountChanges() {
        String domain = domain();
        long id = prospects.upsertAccount("Acme", domain, "Retail", "US", null, 250, new BigDecimal("1000000"));
        transactions.executeWithoutResult(tx -> {
            Account read = prospects.account(id);
            assertThat(prospects.account(id)).as("read once").isSameAs(read);

            prospects.upsertAccount("Acme", domain, "Retail", "US", null, 250, null);
            assertThat(prospects.account(id)).as("the same facts change nothing").isSameAs(read);

            prospects.upsertAccount("Acme Group", domain, "Retail", "US", null, 400, null);
            assertThat(prospects.account(id)).as("changed facts are read anew")
                    .extracting(Account::name, Account::employees).containsExactly("Acme Group", 400);
        });
    }

    @Test
    void nothingIsKeptOutsideATransactionNorPastOne() {
        long id = prospects.upsertAccount("Beta", domain(), null, "US", null, null, null);
        assertThat(prospects.account(id)).isNotSameAs(prospects.account(id)).isEqualTo(prospects.account(id));
        Account inOne = transactions.execute(tx -> prospects.account(id));
        Account inAnother = transactions.execute(tx -> prospects.account(id));
        assertThat(inAnother).isNotSameAs(inOne).isEqualTo(inOne);
    }

    private static String domain() {
        return "reads-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }
}
