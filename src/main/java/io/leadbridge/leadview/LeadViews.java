package io.leadbridge.leadview;

import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.config.LeadClock;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.FollowOnLog;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.security.Caller;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Builds what a caller may see of a lead. A partner user sees only leads its partner holds now,
 * only its own partner's events on the timeline (never another partner's name, never the
 * vendor's customer contact check), and the prospect's contact details only once its partner has
 * accepted the lead.
 */
@Component
public class LeadViews {

    private final LeadRepository leads;
    private final ProspectRepository prospects;
    private final LeadEventLog events;
    private final LeadAccess access;
    private final OpportunityRepository opportunities;
    private final LeadClock clock;
    private final WorkingCalendars calendars;
    private final FollowOnLog followOns;

    LeadViews(LeadRepository leads, ProspectRepository prospects, LeadEventLog events, LeadAccess access,
            OpportunityRepository opportunities, LeadClock clock, WorkingCalendars calendars,
            FollowOnLog followOns) {
        this.followOns = followOns;
        this.calendars = calendars;
        this.opportunities = opportunities;
        this.clock = clock;
        this.access = access;
        this.leads = leads;
        this.prospects = prospects;
        this.events = events;
    }

    /** The lead for this caller, or 403: see {@link LeadAccess#visibleLead}. */
    public Lead visibleLead(long id, Caller caller) {
        return access.visibleLead(id, caller);
    }

    /** The lead if this caller may see it, else null: see {@link LeadAccess#visibleLeadOrNull}. */
    public Lead visibleLeadOrNull(long id, Caller caller) {
        return access.visibleLeadOrNull(id, caller);
    }

    /** See {@link LeadAccess#mayView}. */
    public boolean mayView(Lead lead, Caller caller) {
        return access.mayView(lead, caller);
    }

    public LeadView detail(Lead lead, Caller caller) {
        List<LeadEvent> timeline = events.timeline(lead.id());
        if (caller.isPartnerUser()) {
            timeline = timeline.stream()
                    .filter(e -> e.partnerId() == null || e.partnerId().equals(caller.partnerId()))
                    .filter(e -> e.type() != LeadEventType.NOTIFIED)
                    .filter(e -> !e.type().isCustomerCheck())
                    .toList();
        }
        return view(lead, caller, deal(lead), timeline, followOn(lead, caller));
    }

    /** Where a follow-on lead came from; null for any other lead. Another partner's win is not named. */
    private LeadView.FollowOnOrigin followOn(Lead lead, Caller caller) {
        return followOns.of(lead.id()).map(f -> new LeadView.FollowOnOrigin(f.wonLeadId(), f.productBought(),
                        f.product(), f.protectedUntil(),
                        caller.isPartnerUser() && !caller.partnerId().equals(f.partnerId()) ? null : f.partnerId()))
                .orElse(null);
    }

    public LeadView summary(Lead lead, Caller caller) {
        return view(lead, caller, null, null, null);
    }

    private LeadView view(Lead lead, Caller caller, LeadView.Deal deal, List<LeadEvent> timeline,
            LeadView.FollowOnOrigin followOn) {
        boolean showContact = !caller.isPartnerUser() || lead.status() != LeadStatus.OFFERED;
        // The partner's zone only where a partner's SLA runs (one lookup per such lead).
        ZoneId partnerZone = lead.slaKind() == null || lead.partnerId() == null ? null
                : calendars.zoneOf(lead.partnerId());
        return LeadView.of(lead, partnerZone, prospects.account(lead.accountId()),
                showContact ? prospects.contact(lead.contactId()) : null, deal, timeline, followOn);
    }

    /** The deal facts of a lead past first contact; null before. */
    private LeadView.Deal deal(Lead lead) {
        LeadRepository.StatusUpdates updates = leads.statusUpdates(lead.id());
        if (updates.lastAt() == null) {
            return null;
        }
        var opportunity = opportunities.find(lead.id());
        LocalDate today = clock.now().atZone(ZoneOffset.UTC).toLocalDate();
        return new LeadView.Deal(opportunity.orElse(null), updates.lastAt(), updates.missed(),
                opportunity.map(o -> o.isStale(today, updates.lastAt())).orElse(false));
    }
}
