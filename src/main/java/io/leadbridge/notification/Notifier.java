package io.leadbridge.notification;

import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.lead.Lead;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.calendar.WorkingCalendars;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes the mails a step of the lead's life calls for, addressed at the moment the step happens
 * (so a withdrawal notice reaches the partner that lost the lead, even if the lead has moved on
 * by the time the mail goes out). The "Send notifications" step of the process delivers them.
 */
@Component
public class Notifier {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotificationRepository notifications;
    private final PartnerRepository partners;
    private final ProspectRepository prospects;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm");

    private final LeadbridgeProperties properties;
    private final WorkingCalendars calendars;

    Notifier(NotificationRepository notifications, PartnerRepository partners, ProspectRepository prospects,
            LeadbridgeProperties properties, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.notifications = notifications;
        this.partners = partners;
        this.prospects = prospects;
        this.properties = properties;
    }

    /** A due time as the partner reads it: UTC, and its own local time beside it where that differs. */
    private String due(Instant at, String partnerId) {
        ZoneId zone = partnerId == null ? ZoneOffset.UTC : calendars.zoneOf(partnerId);
        if (zone.normalized().equals(ZoneOffset.UTC)) {
            return DUE.format(at);
        }
        return DUE.format(at) + " (" + LOCAL.format(at.atZone(zone)) + " " + zone.getId() + " time)";
    }

    public void leadOffered(Lead lead, String partnerId, String repUsername, Instant acceptDueAt) {
        Account account = prospects.account(lead.accountId());
        String subject = "New lead for you: " + account.name() + " (" + lead.product() + ")";
        String body = """
                A new lead is waiting for your answer.

                Company:  %s (%s)
                Product:  %s
                Segment:  %s, grade %s

                Accept or decline it by %s, or it goes to another partner.
                Open Tasklist: %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(account.name(), account.country(), lead.product(), lead.segment(), lead.grade(),
                due(acceptDueAt, partnerId), properties.publicUrl(), lead.id());
        notify(lead, partnerId, repUsername, NotificationKind.LEAD_OFFERED, subject, body);
    }

    /**
     * Inside the partner the offer moved on (the rep let the inside SLA pass, or a lead manager
     * reassigned it): to the new rep, or to the lead managers when no rep holds it.
     */
    public void offerMoved(Lead lead, String partnerId, String repUsername, Instant acceptDueAt, String why) {
        Account account = prospects.account(lead.accountId());
        String subject = (repUsername == null ? "Lead to dispatch: " : "Lead passed on to you: ") + account.name()
                + " (" + lead.product() + ")";
        String body = """
                A lead of your company is waiting for an answer: %s.

                Company:  %s (%s)
                Product:  %s
                Segment:  %s, grade %s

                Accept or decline it by %s, or it goes to another partner.
                Open Tasklist: %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(why, account.name(), account.country(), lead.product(), lead.segment(), lead.grade(),
                due(acceptDueAt, partnerId), properties.publicUrl(), lead.id());
        notify(lead, partnerId, repUsername, NotificationKind.OFFER_MOVED, subject, body);
    }

    public void acceptReminder(Lead lead, String partnerId, String repUsername, Instant acceptDueAt) {
        Account account = prospects.account(lead.accountId());
        String subject = "Reminder: lead " + account.name() + " is waiting for your answer";
        String body = """
                The lead from %s about %s has not been accepted yet.

                Accept or decline it by %s, or it will be withdrawn and offered to another partner.
                Open Tasklist: %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(account.name(), lead.product(), due(acceptDueAt, partnerId), properties.publicUrl(),
                lead.id());
        notify(lead, partnerId, repUsername, NotificationKind.ACCEPT_REMINDER, subject, body);
    }

    public void contactReminder(Lead lead, Instant contactDueAt) {
        Account account = prospects.account(lead.accountId());
        String subject = "Reminder: contact " + account.name() + " about " + lead.product();
        String body = """
                You accepted the lead from %s but have not reported first contact yet.

                Contact the prospect and report it by %s, or the lead will be withdrawn.
                Open Tasklist: %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(account.name(), due(contactDueAt, lead.partnerId()), properties.publicUrl(), lead.id());
        notifyRep(lead, lead.partnerId(), lead.repUsername(), NotificationKind.CONTACT_REMINDER, subject, body);
    }

    /** To the rep holding a contacted lead or opportunity: a status update cycle passed without news. */
    public void statusUpdateReminder(Lead lead, int missed, boolean pastCloseDate) {
        Account account = prospects.account(lead.accountId());
        String subject = "Status update due: " + account.name() + " (" + lead.product() + ")";
        String body = """
                Your channel team has not heard about the lead from %s about %s for %d update cycle(s).%s

                Report progress, update the opportunity, or close it as won or lost in Tasklist
                ("Report progress or close the deal"): %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(account.name(), lead.product(), missed,
                pastCloseDate ? "\nThe opportunity is past its expected close date: close it or move the date." : "",
                properties.publicUrl(), lead.id());
        notifyRep(lead, lead.partnerId(), lead.repUsername(), NotificationKind.STATUS_UPDATE_REMINDER, subject, body);
    }

    /** To the channel managers: a rep missed as many status updates as the sla-policy table allows. */
    public void statusUpdateOverdue(Lead lead, Collection<String> managerEmails, int missed) {
        Account account = prospects.account(lead.accountId());
        String subject = "Overdue status updates: " + account.name() + " with partner " + lead.partnerId();
        String body = """
                Rep %s of partner %s has missed %d status updates in a row on the lead from %s about %s.

                Chase the rep, or withdraw the lead ("Chase overdue status update" in Tasklist):
                %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(lead.repUsername(), lead.partnerId(), missed, account.name(), lead.product(),
                properties.publicUrl(), lead.id());
        managerEmails.forEach(to -> notifications.add(lead.id(), lead.partnerId(),
                NotificationKind.STATUS_UPDATE_OVERDUE,
                to, subject, body));
    }

    public void leadWithdrawn(Lead lead, String partnerId, String repUsername, String reason) {
        Account account = prospects.account(lead.accountId());
        String subject = "Lead withdrawn: " + account.name() + " (" + lead.product() + ")";
        String body = """
                The lead from %s about %s has been withdrawn from your company.
                Reason: %s

                Updates about this lead are no longer accepted from your company.
                Lead id: %d
                """.formatted(account.name(), lead.product(), reason, lead.id());
        notify(lead, partnerId, repUsername, NotificationKind.LEAD_WITHDRAWN, subject, body);
    }

    /** The vendor's answer to a rep's support request, to the rep who asked. */
    public void supportAnswered(Lead lead, String partnerId, String repUsername, String requestKind, boolean approved,
            String answer) {
        Account account = prospects.account(lead.accountId());
        String subject = (approved ? "Approved: " : "Not approved: ") + requestKind + " for " + account.name();
        String body = """
                Your support request (%s) for the lead from %s about %s has been %s.
                %s: %s

                Lead id: %d
                """.formatted(requestKind, account.name(), lead.product(), approved ? "approved" : "rejected",
                approved ? "Terms" : "Reason", answer, lead.id());
        notifyRep(lead, partnerId, repUsername, NotificationKind.SUPPORT_ANSWERED, subject, body);
    }

    /** To the channel directors: nobody answered a support request within its SLA; it is theirs now too. */
    public void supportReviewEscalated(Lead lead, Collection<String> directorEmails, String requestKind,
            String reviewSla) {
        Account account = prospects.account(lead.accountId());
        String subject = "Escalated: support request (" + requestKind + ") for " + account.name();
        String body = """
                Partner %s asked for support (%s) on the lead from %s about %s, and the channel managers
                have not answered within %s. The review is now open to the channel directors as well.

                Open Tasklist ("Review support request"): %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(lead.partnerId(), requestKind, account.name(), lead.product(), reviewSla,
                properties.publicUrl(), lead.id());
        directorEmails.forEach(to -> notifications.add(lead.id(), lead.partnerId(),
                NotificationKind.SUPPORT_REVIEW_ESCALATED, to, subject, body));
    }

    /** To the vendor's reviewers: a support request is waiting and half its review time is gone. */
    public void supportReviewReminder(Lead lead, Collection<String> reviewerEmails, String requestKind,
            Instant reviewDueAt) {
        Account account = prospects.account(lead.accountId());
        String subject = "Reminder: support request (" + requestKind + ") for " + account.name() + " is waiting";
        String body = """
                Partner %s asked for support (%s) on the lead from %s about %s.

                Please answer it by %s, or it is escalated to the channel directors.
                Open Tasklist ("Review support request"): %s/camunda/app/tasklist/
                Lead id: %d
                """.formatted(lead.partnerId(), requestKind, account.name(), lead.product(), DUE.format(reviewDueAt),
                properties.publicUrl(), lead.id());
        reviewerEmails.forEach(to -> notifications.add(lead.id(), lead.partnerId(),
                NotificationKind.SUPPORT_REVIEW_REMINDER,
                to, subject, body));
    }

    /**
     * To the prospect: has the partner contacted you? Names the partner and the product only; the
     * links open the public answer page, where one more click answers (a link itself changes
     * nothing, as mail scanners open links).
     */
    public void customerContactCheck(Lead lead, String partnerId, String partnerName, Contact contact, String answerUrl,
            String optOutUrl, Instant answerBy) {
        String subject = "Has " + partnerName + " contacted you about " + lead.product() + "?";
        String body = """
                Hello %s,

                you asked about %s, and we asked our partner %s to get in touch with you.
                Has %s contacted you about %s?

                Yes, they have: %s?answer=yes
                No, nobody has: %s?answer=no

                Each link opens a page where you confirm your answer with one click.
                The links work until %s.

                Thank you for your help.

                Rather not be asked such questions? %s
                """.formatted(contact.firstName(), lead.product(), partnerName, partnerName, lead.product(), answerUrl,
                answerUrl, DUE.format(answerBy), optOutUrl);
        notifications.add(lead.id(), partnerId, NotificationKind.CUSTOMER_CONTACT_CHECK, contact.email(), subject,
                body);
    }

    /** To the vendor's channel managers: the customer says the partner has not contacted them. */
    public void customerDeniedContact(Lead lead, String partnerId, String partnerName,
            Collection<String> channelManagerEmails) {
        Account account = prospects.account(lead.accountId());
        String subject = "Customer says nobody called: " + account.name() + " (" + lead.product() + ")";
        String body = """
                The contact at %s answered the customer contact check: %s (%s) has not contacted them
                about %s.

                A strike has been recorded against the partner; its standing is judged as for a missed SLA.
                Lead id: %d
                """.formatted(account.name(), partnerName, partnerId, lead.product(), lead.id());
        channelManagerEmails.forEach(to -> notifications.add(lead.id(), partnerId,
                NotificationKind.CUSTOMER_DENIED_CONTACT,
                to, subject, body));
    }

    /**
     * The lead managers' daily digest: the offers waiting for acceptance first (oldest first), then
     * the accepted leads waiting for first contact; one mail to each lead manager.
     */
    List<Notification> managerDigest(String partnerId, List<String> managerEmails, LocalDate day, Instant now,
            List<ManagerDigest.Line> waiting, List<ManagerDigest.Line> accepted) {
        String subject = "Your open offers on " + day + ": " + waiting.size() + " waiting for acceptance";
        StringBuilder body = new StringBuilder("Hello,\n\nthese leads of your company are waiting.\n\n")
                .append("Waiting for acceptance (oldest first):\n");
        waiting.forEach(line -> digestLine(body, line, partnerId, now, "offered", "accept by"));
        if (!accepted.isEmpty()) {
            body.append("\nAccepted, first contact not yet reported:\n");
            accepted.forEach(line -> digestLine(body, line, partnerId, now, "accepted", "contact by"));
        }
        body.append("\nAssign or reassign them in Tasklist: ").append(properties.publicUrl())
                .append("/camunda/app/tasklist/\n");
        return managerEmails.stream().map(to -> notifications.save(Notification.pending(null, partnerId,
                NotificationKind.MANAGER_DIGEST, to, subject, body.toString()))).toList();
    }

    private void digestLine(StringBuilder body, ManagerDigest.Line line, String partnerId, Instant now, String since,
            String due) {
        body.append("- Lead ").append(line.leadId()).append(": ").append(line.account()).append(" (")
                .append(line.product()).append(")\n")
                .append("  Rep: ").append(line.repUsername() == null ? "none, yours to assign" : line.repUsername())
                .append("; ").append(since).append(" ").append(age(line.since(), now)).append(" ago")
                .append(line.dueAt() == null ? "" : "; " + due + " " + due(line.dueAt(), partnerId)).append("\n")
                .append("  ").append(line.link()).append("\n");
    }

    /** "2 d 3 h", "5 h 10 min", "12 min": how long ago, for a person. */
    static String age(Instant since, Instant now) {
        if (since == null) {
            return "?";
        }
        java.time.Duration age = java.time.Duration.between(since, now);
        if (age.isNegative()) {
            age = java.time.Duration.ZERO;
        }
        if (age.toDays() > 0) {
            return age.toDays() + " d " + age.toHoursPart() + " h";
        }
        return age.toHours() > 0 ? age.toHours() + " h " + age.toMinutesPart() + " min" : age.toMinutes() + " min";
    }

    /**
     * To the named rep and the partner manager; when no rep is named, to the partner's lead managers
     * (who dispatch it), or to every rep when the partner has none; and to the partner's manager address.
     */
    private void notify(Lead lead, String partnerId, String repUsername, NotificationKind kind, String subject,
            String body) {
        Set<String> recipients = new LinkedHashSet<>();
        if (repUsername != null) {
            partners.findRep(repUsername).map(PartnerRep::email).ifPresent(recipients::add);
        } else {
            List<PartnerRep> managers = partners.findLeadManagers(partnerId);
            (managers.isEmpty() ? partners.findReps(partnerId) : managers).forEach(rep -> recipients.add(rep.email()));
        }
        partners.findById(partnerId).map(Partner::managerEmail).filter(e -> e != null && !e.isBlank())
                .ifPresent(recipients::add);
        recipients.forEach(to -> notifications.add(lead.id(), partnerId, kind, to, subject, body));
    }

    /** To the rep alone, falling back to the partner as a whole if the rep is unknown. */
    private void notifyRep(Lead lead, String partnerId, String repUsername, NotificationKind kind, String subject,
            String body) {
        var rep = repUsername == null ? java.util.Optional.<PartnerRep>empty() : partners.findRep(repUsername);
        if (rep.isPresent()) {
            notifications.add(lead.id(), partnerId, kind, rep.get().email(), subject, body);
        } else {
            notify(lead, partnerId, null, kind, subject, body);
        }
    }
}
