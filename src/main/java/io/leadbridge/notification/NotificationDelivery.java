package io.leadbridge.notification;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends a lead's pending notifications, or a partner's pending standing notifications. Runs in
 * an asynchronous process step: when the mail server fails, the exception rolls the step back
 * and Camunda retries it, then raises an incident; the lead or standing itself is never touched.
 * Without {@code spring.mail.host} there is no mail sender and notifications are only stored.
 */
@Component
public class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationRepository notifications;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final LeadEventLog events;
    private final LeadbridgeProperties properties;

    NotificationDelivery(NotificationRepository notifications, ObjectProvider<JavaMailSender> mailSender,
            LeadEventLog events, LeadbridgeProperties properties) {
        this.notifications = notifications;
        this.mailSender = mailSender;
        this.events = events;
        this.properties = properties;
    }

    public int deliverPending(long leadId) {
        JavaMailSender sender = mailSender.getIfAvailable();
        var pending = notifications.lockPending(leadId);
        for (Notification notification : pending) {
            send(sender, notification);
            events.record(leadId, LeadEventType.NOTIFIED, LeadEvent.SYSTEM, notification.partnerId(),
                    notification.kind() + " to " + notification.recipient()
                            + (sender == null ? " (stored; no mail server configured)" : ""));
            log.info("lead {}: {} mail to {} for partner {}", leadId, notification.kind(), notification.recipient(),
                    notification.partnerId());
        }
        return pending.size();
    }

    /** Sends the partner's pending mails that concern no lead (warnings, suspensions, reinstatements). */
    public int deliverPendingForPartner(String partnerId) {
        JavaMailSender sender = mailSender.getIfAvailable();
        var pending = notifications.lockPendingForPartner(partnerId);
        for (Notification notification : pending) {
            send(sender, notification);
            log.info("partner {}: {} mail to {}{}", partnerId, notification.kind(), notification.recipient(),
                    sender == null ? " (stored; no mail server configured)" : "");
        }
        return pending.size();
    }

    private void send(JavaMailSender sender, Notification notification) {
        if (sender != null) {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(properties.mailFrom());
            mail.setTo(notification.recipient());
            mail.setSubject(notification.subject());
            mail.setText(notification.body());
            sender.send(mail);
            notifications.mark(notification.id(), NotificationStatus.SENT);
        } else {
            notifications.mark(notification.id(), NotificationStatus.STORED);
        }
    }
}
