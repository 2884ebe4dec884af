package io.leadbridge.partner;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A partner and its reps are read once per transaction, until a partner is written, a rep is added
 * or a role changes.
 */
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
    void aPartnerIsReadOnceInATransactionUntilAPartnerIsWritten() {
        String partner = fixtures.partner("gamma", PartnerTier.GOLD, "US");
        transactions.executeWithoutResult(tx -> {
            Partner read = partners.findById(partner).orElseThrow();
            assertThat(partners.findById(partner).orElseThrow()).as("read once").isSameAs(read);
            assertThat(partners.findById("nobody")).isEmpty();

            partners.update(new Partner(read.id(), read.name(), read.tier(), PartnerStatus.INACTIVE, read.capacity(),
                    read.managerEmail(), read.countries(), read.regions(), read.industries(), read.segments(),
                    read.competencies(), read.certifications(), read.products(), read.createdAt(), read.updatedAt()));
            assertThat(partners.findById(partner).orElseThrow().status()).as("a partner written is read anew")
                    .isEqualTo(PartnerStatus.INACTIVE);
        });
        assertThat(partners.findById(partner).orElseThrow()).as("nothing kept outside a transaction")
                .isNotSameAs(partners.findById(partner).orElseThrow());
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
