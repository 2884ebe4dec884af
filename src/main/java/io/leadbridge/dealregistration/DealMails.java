package io.leadbridge.dealregistration;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.VendorGroups;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes the mails about a deal registration in the transaction of the step that calls for them;
 * the process's send steps deliver them. The partner side goes to the rep who registered and the
 * partner manager (every rep when neither has an address); the review's reminder goes to the
 * channel managers, its escalation to the channel directors.
 */
@Component
class DealMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotificationRepository notifications;
    private final PartnerRepository partners;
    private final AccessProvisioning access;
    private final LeadbridgeProperties properties;

    DealMails(NotificationRepository notifications, PartnerRepository partners, AccessProvisioning access,
            LeadbridgeProperties properties) {
        this.notifications = notifications;
        this.partners = partners;
        this.access = access;
        this.properties = properties;
    }

    void approved(DealRegistration deal) {
        toPartner(deal, NotificationKind.DEAL_REGISTRATION_ANSWERED, "Approved: your deal registration for "
                + deal.accountName(), """
                Your deal registration %d for %s (%s) has been approved.
                Your company is protected on this account for these products until %s: leads from it come to you.

                Please send a status update on the deal regularly, or the protection ends early.
                """.formatted(deal.id(), deal.accountName(), String.join(", ", deal.products()),
                DAY.format(deal.protectedUntil())));
    }

    void rejected(DealRegistration deal) {
        toPartner(deal, NotificationKind.DEAL_REGISTRATION_ANSWERED, "Not approved: your deal registration for "
                + deal.accountName(), """
                Your deal registration %d for %s (%s) has not been approved.
                Reason: %s
                """.formatted(deal.id(), deal.accountName(), String.join(", ", deal.products()), deal.reason()));
    }

    void protectionEndedForWantOfUpdates(DealRegistration deal, String staleAfter) {
        toPartner(deal, NotificationKind.DEAL_PROTECTION_ENDED, "Protection ended: " + deal.accountName(), """
                Your deal registration %d for %s (%s) had no status update for %s.
                It is flagged as stale and your company is no longer protected on this account.
                """.formatted(deal.id(), deal.accountName(), String.join(", ", deal.products()), staleAfter));
    }

    void updateReminder(DealRegistration deal, Instant updateDueAt) {
        toPartner(deal, NotificationKind.DEAL_UPDATE_REMINDER, "Reminder: report on your deal with "
                + deal.accountName(), """
                Your deal registration %d for %s (%s) is waiting for your status update.
                Please report by %s (Tasklist, "Report on the deal", or your CRM): a note, a new stage, amount or
                close date, or the close. Without an update your protection on this account ends early.
                """.formatted(deal.id(), deal.accountName(), String.join(", ", deal.products()),
                DAY.format(updateDueAt)));
    }

    void reviewReminder(DealRegistration deal, Instant reviewDueAt) {
        String body = """
                Partner %s registered a deal for %s (%s, %s %s) and it waits for review.

                Please answer it by %s, or it is escalated to the channel directors.
                Open Tasklist ("Review deal registration"): %s/camunda/app/tasklist/
                """.formatted(deal.partnerId(), deal.accountName(), String.join(", ", deal.products()),
                deal.amount().toPlainString(), deal.currency(), DAY.format(reviewDueAt), properties.publicUrl());
        access.emailsOf(VendorGroups.CHANNEL_MANAGERS).forEach(to -> notifications.addForPartner(deal.partnerId(),
                NotificationKind.DEAL_REVIEW_REMINDER, to, "Reminder: deal registration for " + deal.accountName()
                        + " is waiting", body));
    }

    void reviewEscalated(DealRegistration deal, String reviewSla) {
        String body = """
                Partner %s registered a deal for %s (%s, %s %s), and the channel managers have not answered
                within %s. The review is now open to the channel directors as well.

                Open Tasklist ("Review deal registration"): %s/camunda/app/tasklist/
                """.formatted(deal.partnerId(), deal.accountName(), String.join(", ", deal.products()),
                deal.amount().toPlainString(), deal.currency(), reviewSla, properties.publicUrl());
        access.emailsOf(VendorGroups.CHANNEL_DIRECTORS).forEach(to -> notifications.addForPartner(deal.partnerId(),
                NotificationKind.DEAL_REVIEW_ESCALATED, to, "Escalated: deal registration for " + deal.accountName(),
                body));
    }

    private void toPartner(DealRegistration deal, NotificationKind kind, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        partners.findRep(deal.registeredBy()).filter(rep -> rep.partnerId().equals(deal.partnerId()))
                .map(PartnerRep::email).ifPresent(recipients::add);
        partners.findById(deal.partnerId()).map(p -> p.managerEmail()).filter(e -> e != null && !e.isBlank())
                .ifPresent(recipients::add);
        if (recipients.isEmpty()) {
            partners.findReps(deal.partnerId()).stream().map(PartnerRep::email).forEach(recipients::add);
        }
        recipients.forEach(to -> notifications.addForPartner(deal.partnerId(), kind, to, subject, body));
    }
}
