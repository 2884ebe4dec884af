package io.leadbridge.lead;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A lead read twice in one transaction is read once, until the transaction changes it or locks
 * it; a transaction of its own inside another, and every transaction after it, reads afresh.
 */
@LeadbridgeTest
class LeadReadsInTransactionTest {

    @Autowired LeadFixtures fixtures;
    @Autowired LeadRepository leads;
    @Autowired TransactionTemplate transactions;
    @Autowired PlatformTransactionManager transactionManager;

    private long id;

    @BeforeEach
    void aLead() {
        id = fixtures.submit(fixtures.partnerLead("US"));
    }

    @Test
    void aSecondReadInTheSameTransactionIsTheFirstUntilTheLeadChanges() {
        transactions.executeWithoutResult(tx -> {
            Lead first = leads.get(id);
            assertThat(leads.get(id)).as("read once").isSameAs(first);

            leads.changeStatus(id, LeadStatus.NURTURE);
            Lead changed = leads.get(id);
            assertThat(changed.status()).as("a change is read anew").isEqualTo(LeadStatus.NURTURE);
            assertThat(leads.get(id)).isSameAs(changed);

            Lead locked = leads.lock(id).orElseThrow();
            assertThat(locked).as("a lock reads afresh").isNotSameAs(changed).isEqualTo(changed);
            assertThat(leads.get(id)).isSameAs(locked);
        });
    }

    @Test
    void nothingIsKeptOutsideATransactionNorPastOne() {
        assertThat(leads.get(id)).isNotSameAs(leads.get(id));
        Lead inOne = transactions.execute(tx -> leads.get(id));
        Lead inAnother = transactions.execute(tx -> leads.get(id));
        assertThat(inAnother).isNotSameAs(inOne).isEqualTo(inOne);
    }

    @Test
    void aTransactionOfItsOwnInsideReadsAfreshAndItsChangeIsSeenAfterIt() {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        transactions.executeWithoutResult(tx -> {
            Lead outer = leads.get(id);
            Lead inner = own.execute(status -> {
                Lead read = leads.get(id);
                leads.changeStatus(id, LeadStatus.DISQUALIFIED);
                return read;
            });
            assertThat(inner).isNotSameAs(outer);
            assertThat(leads.get(id)).as("the outer transaction keeps what it read").isSameAs(outer);
            assertThat(leads.lock(id).orElseThrow().status()).as("until it locks")
                    .isEqualTo(LeadStatus.DISQUALIFIED);
        });
    }
}
