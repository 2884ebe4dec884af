package io.leadbridge.notification;

import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends queued notifications on a small pool of its own, outside any transaction: it claims a
 * mail in one short statement, talks to the mail server holding no database connection, and
 * records the outcome in another. A failed attempt is retried later with a growing wait; a
 * sender that dies mid-mail leaves a claim that runs out, and the mail is sent again (at least
 * once), with the same {@code Message-ID} so mail clients show it once.
 */
@Component
public class NotificationMailer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final LeadbridgeProperties leadbridge;
    private final NotificationProperties properties;
    private final LeadClock clock;
    private final ThreadPoolTaskExecutor senders;
    private final AtomicBoolean wakeUpWaiting = new AtomicBoolean();

    NotificationMailer(NotificationRepository notifications, ObjectProvider<JavaMailSender> mailSender,
            LeadbridgeProperties leadbridge, NotificationProperties properties, LeadClock clock) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.leadbridge = leadbridge;
        this.properties = properties;
        this.clock = clock;
        this.senders = new ThreadPoolTaskExecutor();
        senders.setThreadNamePrefix("notification-mailer-");
        senders.setCorePoolSize(properties.senderThreads());
        senders.setMaxPoolSize(properties.senderThreads());
        // One waiting run is enough: it picks up every mail due by the time it starts.
        senders.setQueueCapacity(1);
        senders.setRejectedExecutionHandler((task, executor) -> wakeUpWaiting.set(false));
        senders.initialize();
    }

    /** Mails were queued (or a retry may be due): let a free sender thread work through what is due. */
    public void wakeUp() {
        if (mailSender.getIfAvailable() == null || !wakeUpWaiting.compareAndSet(false, true)) {
            return;
        }
        senders.execute(() -> {
            wakeUpWaiting.set(false);
            sendDue();
        });
    }

    @Scheduled(fixedDelayString = "${leadbridge.notifications.poll-interval:30s}",
            initialDelayString = "${leadbridge.notifications.poll-interval:30s}")
    void poll() {
        wakeUp();
    }

    /** Sends every mail that is due now, in the calling thread. Returns how many went out. */
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        for (var ids = notifications.dueForSending(clock.now()); !ids.isEmpty();
                ids = notifications.dueForSending(clock.now())) {
            int claimedThisRound = 0;
            for (long id : ids) {
                var claimed = notifications.claim(id, clock.now(), clock.now().plus(properties.claimTime()));
                if (claimed.isPresent()) {
                    claimedThisRound++;
                    sent += send(sender, claimed.get()) ? 1 : 0;
                }
            }
            if (claimedThisRound == 0) {
                // Every due mail was taken by another sender thread.
                break;
            }
        }
        return sent;
    }

    private boolean send(JavaMailSender sender, NotificationRepository.Claim claim) {
        Notification notification = claim.notification();
        try {
            sender.send(message(sender, notification));
            notifications.markSent(notification.id(), clock.now());
            log.info("{} mail {} sent to {} (lead {}, partner {})", notification.kind(), notification.id(),
                    notification.recipient(), notification.leadId(), notification.partnerId());
            return true;
        } catch (MailException | MessagingException e) {
            var next = clock.now().plus(properties.retryAfter(claim.attempt()));
            notifications.retryLater(claim, next, e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("{} mail {} to {} (lead {}, partner {}) failed on attempt {}, next attempt at {}: {}",
                    notification.kind(), notification.id(), notification.recipient(), notification.leadId(),
                    notification.partnerId(), claim.attempt(), next, e.getMessage());
            return false;
        }
    }

    private MimeMessage message(JavaMailSender sender, Notification notification) throws MessagingException {
        MimeMessage mail = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mail, false, "UTF-8");
        helper.setFrom(leadbridge.mailFrom());
        helper.setTo(notification.recipient());
        helper.setSubject(notification.subject());
        helper.setText(notification.body());
        // Kept by JavaMailSenderImpl: every attempt of this notification carries the same id.
        mail.setHeader("Message-ID", messageId(notification));
        return mail;
    }

    /** {@code <notification-42.7@leadbridge.local>}: the notification's id, its lead's, the sender's domain. */
    String messageId(Notification notification) {
        String from = leadbridge.mailFrom();
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<notification-" + notification.id() + (notification.leadId() == null ? "" : "." + notification.leadId())
                + "@" + (domain.isEmpty() ? "leadbridge.local" : domain) + ">";
    }

    @Override
    public void destroy() {
        senders.shutdown();
    }
}
