package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * With a mail server configured, offers are mailed by the mail sender, after the process's send
 * step has handed them over. When the server fails, the mail sender retries with growing waits;
 * the send step, the lead and the process never wait for it, and nothing is lost.
 */
@LeadbridgeTest
class OfferNotificationTest {

    @MockitoBean JavaMailSender mailServer;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired RuntimeService runtime;
    @Autowired NotificationRepository notifications;
    @Autowired NotificationMailer mailer;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
        when(mailServer.createMimeMessage()).thenAnswer(call -> new MimeMessage(Session.getInstance(new Properties())));
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theOfferIsMailedToThePartnersRep() throws Exception {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        doNothing().when(mailServer).send(any(MimeMessage.class));

        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        ArgumentCaptor<MimeMessage> mail = ArgumentCaptor.forClass(MimeMessage.class);
        verify(mailServer, timeout(10_000).times(2)).send(mail.capture());
        assertThat(mail.getAllValues()).extracting(m -> m.getRecipients(Message.RecipientType.TO)[0].toString())
                .containsExactlyInAnyOrder(rep + "@partner.example", "alpha@partner.example");
        MimeMessage offer = mail.getValue();
        assertThat(offer.getSubject()).startsWith("New lead for you");
        assertThat(Arrays.stream(offer.getFrom()).map(Address::toString)).containsExactly("leads@leadbridge.local");
        assertThat((String) offer.getContent()).contains("Lead id: " + leadId).contains("/camunda/app/tasklist/");
        assertThat(offer.getHeader("Message-ID")[0]).matches("<notification-\\d+\\." + leadId + "@leadbridge\\.local>");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> notifications.forLead(leadId).stream()
                        .allMatch(n -> n.status() == NotificationStatus.SENT));
    }

    /**
     * Changed with the mail sender: a mail outage used to fail the process's send step (five
     * retries, then an incident). Now the step hands the mails over and is done; the mail sender
     * retries each mail itself, with growing waits, until it goes out.
     */
    @Test
    void aMailOutageIsRetriedByTheMailSenderWhileTheLeadStaysOfferedAndNothingIsLost() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        doThrow(new MailSendException("smtp down")).when(mailServer).send(any(MimeMessage.class));
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        var process = fixtures.process(leadId);

        engine.runDueJobs();

        assertThat(process).isWaitingAt("Task_AcceptLead");
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts(leadId).stream()
                .allMatch(row -> row.status().equals("QUEUED") && row.attempts() == 1));

        engine.passTimeWithoutJobs(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(mailer.sendDue()).isZero();
        Instant secondFailure = ClockUtil.getCurrentTime().toInstant();
        assertThat(attempts(leadId)).isNotEmpty().allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("QUEUED");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.lastError()).contains("smtp down");
            assertThat(row.nextAttemptAt())
                    .as("the second wait is twice the first").isEqualTo(secondFailure.plus(Duration.ofMinutes(2)));
        });

        doNothing().when(mailServer).send(any(MimeMessage.class));
        engine.passTimeWithoutJobs(Duration.ofMinutes(2));
        assertThat(mailer.sendDue()).isEqualTo(2);

        assertThat(notifications.forLead(leadId)).hasSize(2).allMatch(n -> n.status() == NotificationStatus.SENT);
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
    }

    private record Attempts(String status, int attempts, String lastError, Instant nextAttemptAt) {
    }

    private List<Attempts> attempts(long leadId) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at from notification where lead_id = :id")
                .param("id", leadId).query((rs, row) -> new Attempts(rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
    }
}
