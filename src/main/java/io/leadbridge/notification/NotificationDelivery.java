package io.leadbridge.notification;

import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.notification.PendingMails.PendingMail;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands a lead's pending notifications, or a partner's pending standing notifications, to the
 * mail sender. Runs in an asynchronous process step, inside the engine's transaction, and never
 * talks to the mail server itself: it queues the mails, and once the step has committed the
 * {@link NotificationMailer} sends them on threads of its own. A slow or failing mail server
 * therefore holds no job thread and no database connection, and never touches the lead.
 * Without {@code spring.mail.host} there is no mail sender and notifications are only stored.
 */
@Component
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final NotificationMailer mailer;
    private final LeadEventLog events;
    private final LeadClock clock;

    NotificationDelivery(NotificationRepository notifications, ObjectProvider<JavaMailSender> mailSender,
            NotificationMailer mailer, LeadEventLog events, LeadClock clock) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.mailer = mailer;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Hands over the lead's pending mails, each with a {@code NOTIFIED} event in the lead's
     * timeline; one log line for the step's mails.
     */
    public int deliverPending(long leadId) {
        boolean stored = mailSender.getIfAvailable() == null;
        var pending = notifications.lockPending(leadId);
        handOver(pending, stored);
        for (PendingMail mail : pending) {
            events.record(leadId, LeadEventType.NOTIFIED, LeadEvent.SYSTEM, mail.partnerId(),
                    mail.kind() + " to " + mail.recipient()
                            + (stored ? " (stored; no mail server configured)" : ""));
        }
        if (!pending.isEmpty()) {
            log.info("lead {}: {} {}", leadId, described(pending), stored ? "stored (no mail server configured)"
                    : "queued");
        }
        return pending.size();
    }

    /** Hands over the partner's pending mails that concern no lead (warnings, suspensions, reinstatements). */
    public int deliverPendingForPartner(String partnerId) {
        boolean stored = mailSender.getIfAvailable() == null;
        var pending = notifications.lockPendingForPartner(partnerId);
        handOver(pending, stored);
        if (!pending.isEmpty()) {
            log.info("partner {}: {} {}", partnerId, described(pending), stored
                    ? "stored (no mail server configured)" : "queued");
        }
        return pending.size();
    }

    /** Hands over mails written outside any process step (the lead managers' digest), in the caller's transaction. */
    public void handOver(List<Notification> written) {
        handOverIds(written.stream().map(Notification::id).toList(), mailSender.getIfAvailable() == null);
    }

    private void handOver(List<PendingMail> mails, boolean stored) {
        handOverIds(mails.stream().map(PendingMail::id).toList(), stored);
    }

    /** Queues (or, without a mail server, stores) the mails in one statement; the mailer wakes after the commit. */
    private void handOverIds(List<Long> ids, boolean stored) {
        if (ids.isEmpty()) {
            return;
        }
        if (stored) {
            notifications.store(ids, clock.now());
        } else {
            notifications.queue(ids, clock.now());
        }
        wakeMailerAfterCommit();
    }

    /** "LEAD_OFFERED mail to a@x.example (partner p1), ..." for the log. */
    private static String described(List<PendingMail> mails) {
        return mails.stream().map(mail -> mail.kind() + " mail to " + mail.recipient()
                + (mail.partnerId() == null ? "" : " (partner " + mail.partnerId() + ")"))
                .collect(Collectors.joining(", "));
    }

    /** The mailer sees the queued mails only once the step's transaction has committed. */
    private void wakeMailerAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    mailer.wakeUp();
                }
            });
        } else {
            mailer.wakeUp();
        }
    }
}
