package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.FakeMailServer;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.PostgresTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The mail sender's claims, retries and Message-IDs on PostgreSQL, against a mail server that falls silent. */
@PostgresTest
class NotificationMailerPostgresIT {

    private static final FakeMailServer mailServer = FakeMailServer.silent();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", mailServer::port);
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        properties.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        properties.add("spring.mail.properties.mail.smtp.writetimeout", () -> "2000");
    }

    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired NotificationRepository notifications;
    @Autowired NotificationMailer mailer;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @AfterAll
    static void stopMailServer() throws IOException {
        mailServer.close();
    }

    @Test
    void mailsWaitingForASilentServerGoOutOnceItAnswers() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        fixtures.isolateFromEarlierTests();
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        List<Long> leads = List.of(fixtures.submit(fixtures.partnerLead("US")),
                fixtures.submit(fixtures.partnerLead("US")));

        assertTimeoutPreemptively(Duration.ofSeconds(30), engine::runDueJobs);
        assertThat(leads).allMatch(id -> fixtures.lead(id).status() == LeadStatus.OFFERED);
        await().atMost(Duration.ofSeconds(30)).until(() -> mails(leads).stream()
                .allMatch(n -> n.status() == NotificationStatus.QUEUED) && lastErrors(leads) == mails(leads).size());

        mailServer.startAnswering();
        engine.passTimeWithoutJobs(Duration.ofMinutes(5));
        mailer.sendDue();

        List<Notification> sent = mails(leads);
        assertThat(sent).hasSize(4).allMatch(n -> n.status() == NotificationStatus.SENT);
        assertThat(mailServer.received().stream().map(mail -> FakeMailServer.header(mail, "Message-ID")))
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(mailer::messageId).toList());
    }

    private List<Notification> mails(List<Long> leads) {
        return leads.stream().flatMap(id -> notifications.forLead(id).stream()).toList();
    }

    private int lastErrors(List<Long> leads) {
        return jdbc.sql("select count(*) from notification where lead_id in (:ids) and last_error is not null")
                .param("ids", leads).query(Integer.class).single();
    }
}
