package io.leadbridge.standing;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.notification.NotificationKind;
import io.leadbridge.notification.NotificationRepository;
import io.leadbridge.partner.Partner;
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
 * Writes the mails about a partner's standing, in the transaction of the step that changes it;
 * the standing process's send steps deliver them. The partner side goes to the partner manager
 * (to every rep when the partner has no manager e-mail); a suspension also goes to every
 * channel manager with an e-mail address.
 */
@Component
class StandingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotificationRepository notifications;
    private final PartnerRepository partners;
    private final AccessProvisioning access;
    private final LeadbridgeProperties properties;

    StandingMails(NotificationRepository notifications, PartnerRepository partners, AccessProvisioning access,
            LeadbridgeProperties properties) {
        this.notifications = notifications;
        this.partners = partners;
        this.access = access;
        this.properties = properties;
    }

    void warned(Partner partner, int warnings, StandingFacts facts) {
        String subject = "Warning: " + partner.name() + " is missing follow-up deadlines";
        String body = """
                Your company has missed follow-up deadlines on leads: %s.

                This is warning number %d. Partners that keep missing their deadlines are suspended
                and receive no new leads until the vendor reinstates them.
                Please accept or decline offers in time and report first contact by the deadline.
                Open Tasklist: %s/camunda/app/tasklist/
                """.formatted(facts.describe(), warnings, properties.publicUrl());
        toPartner(partner, NotificationKind.PARTNER_WARNED, subject, body);
    }

    void suspended(Partner partner, StandingFacts facts, Instant probationEndsAt) {
        String until = probationEndsAt == null ? "until a channel manager reinstates it"
                : "until " + DAY.format(probationEndsAt) + ", unless a channel manager reinstates it earlier";
        String subject = "Suspended: " + partner.name() + " receives no new leads";
        toPartner(partner, NotificationKind.PARTNER_SUSPENDED, subject, """
                Your company has missed too many follow-up deadlines: %s.

                It is suspended and receives no new leads %s.
                Leads you already hold stay yours; please follow them up in time.
                """.formatted(facts.describe(), until));
        String review = """
                Partner %s (%s) has been suspended: %s.
                It receives no new leads %s.

                Review it in Tasklist ("Review suspended partner"): reinstate it or keep it suspended.
                Open Tasklist: %s/camunda/app/tasklist/
                """.formatted(partner.name(), partner.id(), facts.describe(), until, properties.publicUrl());
        for (String channelManager : channelManagerEmails()) {
            notifications.addForPartner(partner.id(), NotificationKind.PARTNER_SUSPENDED, channelManager,
                    "Review suspended partner: " + partner.name(), review);
        }
    }

    void reinstated(Partner partner, String note) {
        String subject = "Reinstated: " + partner.name() + " receives leads again";
        String body = """
                Your company is in good standing again and receives new leads from now on.
                Note: %s

                Please accept or decline offers in time and report first contact by the deadline.
                """.formatted(note);
        toPartner(partner, NotificationKind.PARTNER_REINSTATED, subject, body);
    }

    private void toPartner(Partner partner, NotificationKind kind, String subject, String body) {
        Set<String> recipients = new LinkedHashSet<>();
        if (partner.managerEmail() != null && !partner.managerEmail().isBlank()) {
            recipients.add(partner.managerEmail());
        } else {
            partners.findReps(partner.id()).stream().map(PartnerRep::email).forEach(recipients::add);
        }
        recipients.forEach(to -> notifications.addForPartner(partner.id(), kind, to, subject, body));
    }

    private Set<String> channelManagerEmails() {
        return access.emailsOf(VendorGroups.CHANNEL_MANAGERS);
    }
}
