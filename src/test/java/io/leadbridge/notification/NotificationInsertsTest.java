package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadbridge.notification.PendingMails.PendingMail;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mail added for a lead or a partner is stored pending, stamped with the engine's clock, and
 * found by its send step.
 */
@LeadbridgeTest
class NotificationInsertsTest {

    @Autowired LeadFixtures fixtures;
    @Autowired NotificationRepository notifications;
    @Autowired TransactionTemplate transactions;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMailIsStoredPendingAtTheEnginesTimeAndItsSendStepFindsIt() {
        long lead = fixtures.submit(fixtures.partnerLead("US"));
        String partner = "inserts-" + System.nanoTime();
        Instant engineTime = Instant.parse("2027-03-01T09:30:00Z");
        ClockUtil.setCurrentTime(Date.from(engineTime));

        notifications.add(lead, partner, NotificationKind.LEAD_OFFERED, "rep@partner.example", "New lead", "Hello");
        notifications.addForPartner(partner, NotificationKind.PARTNER_WARNED, "alpha@partner.example", "Warning",
                "Strikes");

        Notification mail = notifications.forLead(lead).get(0);
        assertThat(mail.leadId()).isEqualTo(lead);
        assertThat(mail.partnerId()).isEqualTo(partner);
        assertThat(mail.kind()).isEqualTo(NotificationKind.LEAD_OFFERED);
        assertThat(mail.recipient()).isEqualTo("rep@partner.example");
        assertThat(mail.subject()).isEqualTo("New lead");
        assertThat(mail.body()).isEqualTo("Hello");
        assertThat(mail.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(mail.createdAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(engineTime);
        assertThat(mail.sentAt()).isNull();
        assertThat(notifications.forPartner(partner)).singleElement()
                .satisfies(partnerMail -> assertThat(partnerMail.leadId()).isNull())
                .satisfies(partnerMail -> assertThat(partnerMail.kind()).isEqualTo(NotificationKind.PARTNER_WARNED));

        List<PendingMail> leadMails = transactions.execute(tx -> notifications.lockPending(lead));
        List<PendingMail> partnerMails = transactions.execute(tx -> notifications.lockPendingForPartner(partner));
        assertThat(leadMails).containsExactly(
                new PendingMail(mail.id(), partner, NotificationKind.LEAD_OFFERED, "rep@partner.example"));
        assertThat(partnerMails).singleElement()
                .isEqualTo(new PendingMail(notifications.forPartner(partner).get(0).id(), partner,
                        NotificationKind.PARTNER_WARNED, "alpha@partner.example"));
    }
}
