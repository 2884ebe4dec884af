package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A partner's reps are read once per transaction, until it adds a rep or changes a role. */
@LeadbridgeTest
class PartnerRepsInTransactionTest {

    @Autowired LeadFixtures fixtures;
    @Autowired PartnerRepository partners;
    @Autowired PartnerService service;
    @Autowired TransactionTemplate transactions;

    @Test
    void aSecondReadInTheSameTransactionIsTheFirstUntilAPersonIsAddedOrChangesRole() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String first = fixtures.rep(partner);
        transactions.executeWithoutResult(tx -> {
            List<PartnerRep> read = partners.findReps(partner);
            assertThat(partners.findReps(partner)).as("read once").isSameAs(read);

            String second = fixtures.rep(partner);
            assertThat(partners.findReps(partner)).as("a rep added is read anew").extracting(PartnerRep::username)
                    .containsExactlyInAnyOrder(first, second);

            service.changeRole(partner, first, PartnerRole.LEAD_MANAGER);
            assertThat(partners.findLeadManagers(partner)).as("a role changed is read anew")
                    .extracting(PartnerRep::username).containsExactly(first);
        });
    }

    @Test
    void nothingIsKeptOutsideATransactionNorPastOne() {
        String partner = fixtures.partner("beta", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        assertThat(partners.findReps(partner)).isNotSameAs(partners.findReps(partner));
        List<PartnerRep> inOne = transactions.execute(tx -> partners.findReps(partner));
        List<PartnerRep> inAnother = transactions.execute(tx -> partners.findReps(partner));
        assertThat(inAnother).isNotSameAs(inOne).isEqualTo(inOne);
    }
}
