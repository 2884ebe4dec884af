package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.time.Duration;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * With a mail server configured, offers are mailed; when the server fails, the send step is
 * retried (R5/PT5M) and then raises an incident, while the lead stays offered and nothing is lost.
 */
@LeadbridgeTest
class OfferNotificationTest {

    @MockitoBean JavaMailSender mailServer;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired ManagementService management;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired NotificationRepository notifications;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void theOfferIsMailedToThePartnersRep() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        String rep = fixtures.rep(partner);
        doNothing().when(mailServer).send(any(SimpleMailMessage.class));

        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();

        ArgumentCaptor<SimpleMailMessage> mail = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailServer, org.mockito.Mockito.times(2)).send(mail.capture());
        assertThat(mail.getAllValues()).extracting(m -> m.getTo()[0])
                .containsExactlyInAnyOrder(rep + "@partner.example", "alpha@partner.example");
        assertThat(mail.getValue().getSubject()).startsWith("New lead for you");
        assertThat(mail.getValue().getText()).contains("Lead id: " + leadId).contains("/camunda/app/tasklist/");
        assertThat(notifications.forLead(leadId)).allMatch(n -> n.status() == NotificationStatus.SENT);
    }

    @Test
    void aMailOutageIsRetriedThenBecomesAnIncidentAndTheLeadStaysOffered() {
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        doThrow(new MailSendException("smtp down")).when(mailServer).send(any(SimpleMailMessage.class));
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        var process = fixtures.process(leadId);
        runQualificationStep(process.getId());

        assertThat(process).isWaitingAt("Task_AcceptLead", "Task_SendOfferNotifications");
        for (int attempt = 1; attempt <= 5; attempt++) {
            Job send = sendJob(process.getId());
            assertThatThrownBy(() -> management.executeJob(send.getId())).hasMessageContaining("smtp down");
            engine.passTimeWithoutJobs(Duration.ofMinutes(5).plusSeconds(1));
        }

        Job exhausted = sendJob(process.getId());
        assertThat(exhausted.getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isEqualTo(1);
        assertThat(fixtures.lead(leadId).status()).isEqualTo(LeadStatus.OFFERED);
        assertThat(process).isWaitingAt("Task_AcceptLead");
        assertThat(notifications.forLead(leadId)).isNotEmpty()
                .allMatch(n -> n.status() == NotificationStatus.PENDING);

        doNothing().when(mailServer).send(any(SimpleMailMessage.class));
        management.setJobRetries(exhausted.getId(), 1);
        engine.runDueJobs();

        assertThat(runtime.createIncidentQuery().processInstanceId(process.getId()).count()).isZero();
        assertThat(notifications.forLead(leadId)).allMatch(n -> n.status() == NotificationStatus.SENT);
    }

    private void runQualificationStep(String processInstanceId) {
        Job start = management.createJobQuery().processInstanceId(processInstanceId).singleResult();
        management.executeJob(start.getId());
    }

    private Job sendJob(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId)
                .activityId("Task_SendOfferNotifications").singleResult();
    }
}
