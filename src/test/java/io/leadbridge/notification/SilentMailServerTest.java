package io.leadbridge.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.PartnerTier;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.support.ApiClient;
import io.leadbridge.support.ApiClient.Response;
import io.leadbridge.support.EngineDriver;
import io.leadbridge.support.FakeMailServer;
import io.leadbridge.support.LeadFixtures;
import io.leadbridge.support.LeadbridgeTest;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mail server that accepts connections and never answers delays mail and nothing else: the
 * send steps finish at once, intake and routing answer, health answers, and once the server
 * speaks again every mail goes out, each with its own stable {@code Message-ID}.
 */
@LeadbridgeTest
class SilentMailServerTest {

    private static final FakeMailServer mailServer = FakeMailServer.silent();

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", mailServer::port);
        // Shorter than production's 10 s, so the test is quick; application.yaml sets the real ones.
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        properties.add("spring.mail.properties.mail.smtp.timeout", () -> "2000");
        properties.add("spring.mail.properties.mail.smtp.writetimeout", () -> "2000");
    }

    @LocalServerPort int port;
    @Autowired LeadFixtures fixtures;
    @Autowired EngineDriver engine;
    @Autowired AccessProvisioning access;
    @Autowired NotificationRepository notifications;
    @Autowired NotificationMailer mailer;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void isolate() {
        fixtures.isolateFromEarlierTests();
        access.provisionUser("marketing", "Marketing", "System", "marketing@vendor.example", LeadFixtures.PASSWORD);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @AfterAll
    static void stopMailServer() throws IOException {
        mailServer.close();
    }

    @Test
    void aSilentMailServerDelaysMailAndNothingElse() {
        mailServer.fallSilent();
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        List<Long> earlier = LongStream.range(0, 12).mapToObj(i -> fixtures.submit(fixtures.partnerLead("US")))
                .toList();

        // Today's send steps talked to the mail server in the job, and waited for it forever.
        assertTimeoutPreemptively(Duration.ofSeconds(30), engine::runDueJobs,
                "the send steps wait for the mail server");

        ApiClient marketing = ApiClient.as(port, "marketing", LeadFixtures.PASSWORD);
        long started = System.nanoTime();
        Response created = marketing.post("/api/leads", fixtures.partnerLead("US"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        long leadId = created.json().path("id").asLong();
        assertTimeoutPreemptively(Duration.ofSeconds(30), engine::runDueJobs);
        assertThat(marketing.get("/api/leads/" + leadId).json().path("status").asText())
                .isEqualTo(LeadStatus.OFFERED.name());
        assertThat(earlier).allMatch(id -> fixtures.lead(id).status() == LeadStatus.OFFERED);

        long healthStarted = System.nanoTime();
        assertThat(ApiClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - healthStarted)).isLessThan(Duration.ofSeconds(5));

        List<Notification> mails = allNotifications(earlier, leadId);
        assertThat(mails).hasSize(2 * 13)
                .allMatch(n -> n.status() == NotificationStatus.QUEUED || n.status() == NotificationStatus.SENDING);
        assertThat(mailServer.received()).isEmpty();

        mailServer.startAnswering();
        // Past every retry's wait and every claim of a sender still stuck on the silent server.
        engine.passTimeWithoutJobs(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            mailer.sendDue();
            return allNotifications(earlier, leadId).stream().allMatch(n -> n.status() == NotificationStatus.SENT);
        });

        assertThat(mailServer.received().stream().map(mail -> FakeMailServer.header(mail, "Message-ID")).distinct())
                .as("every notification went out, none lost")
                .containsExactlyInAnyOrderElementsOf(mails.stream().map(mailer::messageId).toList());
    }

    @Test
    void aNotificationSentAgainAfterACrashCarriesTheSameMessageId() {
        mailServer.startAnswering();
        String partner = fixtures.partner("alpha", PartnerTier.GOLD, "US");
        fixtures.rep(partner);
        long leadId = fixtures.submit(fixtures.partnerLead("US"));
        engine.runDueJobs();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            mailer.sendDue();
            return notifications.forLead(leadId).stream().allMatch(n -> n.status() == NotificationStatus.SENT);
        });
        Notification offer = notifications.forLead(leadId).get(0);
        String messageId = "<notification-" + offer.id() + "." + leadId + "@leadbridge.local>";
        assertThat(messagesWithId(messageId)).hasSize(1);

        // The sender took the mail and died before recording SENT: its claim runs out, the mail goes again.
        jdbc.sql("update notification set status = 'SENDING', claimed_until = :now where id = :id")
                .param("id", offer.id()).param("now", Timestamp.from(Instant.now())).update();
        engine.passTimeWithoutJobs(Duration.ofMinutes(10));
        mailer.sendDue();

        assertThat(messagesWithId(messageId)).as("sent twice, under one Message-ID").hasSize(2);
        assertThat(notifications.forLead(leadId).get(0).status()).isEqualTo(NotificationStatus.SENT);
    }

    private List<String> messagesWithId(String messageId) {
        return mailServer.received().stream()
                .filter(mail -> messageId.equals(FakeMailServer.header(mail, "Message-ID"))).toList();
    }

    private List<Notification> allNotifications(List<Long> earlier, long leadId) {
        return LongStream.concat(earlier.stream().mapToLong(Long::longValue), LongStream.of(leadId)).boxed()
                .flatMap(id -> notifications.forLead(id).stream()).toList();
    }
}
