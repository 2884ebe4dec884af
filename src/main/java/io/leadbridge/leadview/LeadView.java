package io.leadbridge.leadview;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.Contact;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** A lead as the API shows it: facts, where it stands, who holds it, what is due, and its timeline. */
public record LeadView(
        long id,
        String source,
        String externalId,
        String campaign,
        String product,
        int score,
        String notes,
        String language,
        LeadStatus status,
        String segment,
        String grade,
        String route,
        String partnerId,
        String repUsername,
        boolean protectedAccount,
        int attemptCount,
        Sla sla,
        String outcomeReason,
        AccountView account,
        ContactView contact,
        Instant createdAt,
        Instant updatedAt,
        Deal deal,
        List<EventView> events,
        FollowOnOrigin followOn) {

    /**
     * A lead Leadbridge created as a follow-on of a win (lead detail only; absent otherwise): the won
     * lead, the product bought there, the follow-on product, until when the partner that won the
     * account is protected on it, and that partner ({@code winningPartnerId}, shown to a partner
     * user only when it is its own partner).
     */
    public record FollowOnOrigin(long wonLeadId, String productBought, String product, Instant protectedUntil,
            String winningPartnerId) {
    }

    /**
     * After first contact (lead detail only): the opportunity if there is one, when the rep last
     * reported, how many status updates are overdue, and whether the opportunity is stale (open,
     * past its expected close date, no report since).
     */
    public record Deal(Opportunity opportunity, Instant lastStatusUpdateAt, int missedStatusUpdates, boolean stale) {
    }

    /**
     * The SLA that runs now: ACCEPT (the partner must answer the offer) or CONTACT (the rep must
     * report contact). {@code dueAt} is the instant (UTC; the dashboard shows it in the viewer's
     * time zone); {@code dueAtPartnerLocal} the same instant on the partner's clock, with
     * {@code partnerTimeZone}, when one partner holds the lead.
     */
    public record Sla(String kind, Instant dueAt, OffsetDateTime dueAtPartnerLocal, String partnerTimeZone) {

        static Sla of(Lead lead, ZoneId partnerZone) {
            if (lead.slaKind() == null) {
                return null;
            }
            return partnerZone == null || lead.slaDueAt() == null ? new Sla(lead.slaKind(), lead.slaDueAt(), null, null)
                    : new Sla(lead.slaKind(), lead.slaDueAt(), lead.slaDueAt().atZone(partnerZone).toOffsetDateTime(),
                            partnerZone.getId());
        }
    }

    public record AccountView(String name, String domain, String industry, String country, String region,
            Integer employees, BigDecimal annualRevenue) {
        static AccountView of(Account a) {
            return new AccountView(a.name(), a.domain(), a.industry(), a.country(), a.region(), a.employees(),
                    a.annualRevenue());
        }
    }

    public record ContactView(String firstName, String lastName, String email, String phone, String title) {
        static ContactView of(Contact c) {
            return new ContactView(c.firstName(), c.lastName(), c.email(), c.phone(), c.title());
        }
    }

    public record EventView(String type, Instant at, String actor, String partnerId, String detail) {
        static EventView of(LeadEvent e) {
            return new EventView(e.type().name(), e.occurredAt(), e.actor(), e.partnerId(), e.detail());
        }
    }

    static LeadView of(Lead lead, ZoneId partnerZone, Account account, Contact contact, Deal deal,
            List<LeadEvent> events, FollowOnOrigin followOn) {
        return new LeadView(lead.id(), lead.source(), lead.externalId(), lead.campaign(), lead.product(), lead.score(),
                lead.notes(), lead.language(), lead.status(), lead.segment(), lead.grade(), lead.route(),
                lead.partnerId(),
                lead.repUsername(), lead.protectedAccount(), lead.attemptCount(),
                Sla.of(lead, partnerZone), lead.outcomeReason(),
                AccountView.of(account), contact == null ? null : ContactView.of(contact), lead.createdAt(),
                lead.updatedAt(), deal, events == null ? null : events.stream().map(EventView::of).toList(),
                followOn);
    }
}
