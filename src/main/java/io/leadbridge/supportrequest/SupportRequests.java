package io.leadbridge.supportrequest;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccess;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.notification.Notifier;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import io.leadbridge.calendar.WorkingCalendar;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.calendar.WorkingTime;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.config.LeadClock;
import io.leadbridge.database.RetriedOnDeadlock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support requests on a lead: a rep asks (special pricing, technical pre-sales, other), the
 * vendor reviews within the slaPolicy table's {@code supportSla}, the answer goes back to the rep
 * and onto the lead's timeline.
 */
@Service
public class SupportRequests {

    private static final Logger log = LoggerFactory.getLogger(SupportRequests.class);

    private final SupportRequestRepository requests;
    private final LeadAccess access;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final SlaPolicyRules slaPolicy;
    private final ProspectRepository prospects;
    private final PartnerRepository partners;
    private final Notifier notifier;
    private final AccessProvisioning provisioning;
    private final RuntimeService runtime;
    private final WorkingCalendars calendars;
    private final LeadClock clock;

    SupportRequests(SupportRequestRepository requests, LeadAccess access, LeadRepository leads,
            LeadEventLog events, SlaPolicyRules slaPolicy, ProspectRepository prospects,
            PartnerRepository partners, Notifier notifier, AccessProvisioning provisioning, RuntimeService runtime,
            LeadClock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.requests = requests;
        this.access = access;
        this.leads = leads;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.prospects = prospects;
        this.partners = partners;
        this.notifier = notifier;
        this.provisioning = provisioning;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Records the request, writes SUPPORT_REQUESTED on the lead and starts its review, all in one
     * transaction. Only a rep (or CRM) of the partner holding an ACCEPTED or CONTACTED lead or an open opportunity may ask.
     * A run that loses a deadlock on the lead (its own job, another node) is run again.
     */
    @RetriedOnDeadlock
    @Transactional
    public SupportRequest request(long leadId, NewSupportRequest request, Caller caller) {
        request.check();
        Lead lead = access.lockHeldLead(leadId, caller, "given a support request", LeadStatus.ACCEPTED,
                LeadStatus.CONTACTED, LeadStatus.OPPORTUNITY);
        // Read back as stored: numeric(5, 2) gives the discount its two decimals, as the timeline shows it.
        SupportRequest stored = get(requests.save(SupportRequest.open(leadId, lead.partnerId(), caller.username(),
                request)).id());
        events.record(leadId, LeadEventType.SUPPORT_REQUESTED, caller.username(), lead.partnerId(),
                describe(stored));

        SlaTerms terms = slaPolicy.evaluate(lead.segment(), lead.grade(), Math.max(1, lead.attemptCount()));
        String sla = terms.supportSla();
        Instant now = clock.now();
        // The vendor reviews: in working time its own calendar counts; the reminder comes at half the time.
        WorkingCalendar vendorCalendar = calendars.ofVendor();
        Instant dueAt = WorkingTime.after(terms.clock(), vendorCalendar, now, sla);
        Instant reminderAt = WorkingCalendars.halfway(terms.clock(), vendorCalendar, now, dueAt);

        Map<String, Object> variables = new HashMap<>();
        variables.put(SupportVariables.LEAD_ID, leadId);
        variables.put(SupportVariables.ACCOUNT_NAME, prospects.account(lead.accountId()).name());
        variables.put(SupportVariables.PRODUCT, lead.product());
        variables.put(SupportVariables.PARTNER_ID, lead.partnerId());
        variables.put(SupportVariables.PARTNER_NAME,
                partners.findById(lead.partnerId()).map(Partner::name).orElse(lead.partnerId()));
        variables.put(SupportVariables.REP, caller.username());
        variables.put(SupportVariables.KIND, stored.kind().name());
        variables.put(SupportVariables.DISCOUNT_PERCENT,
                stored.discountPercent() == null ? null : stored.discountPercent().doubleValue());
        variables.put(SupportVariables.JUSTIFICATION, stored.justification());
        variables.put(SupportVariables.REVIEW_SLA, sla);
        variables.put(SupportVariables.REVIEW_REMINDER_AT, Date.from(reminderAt));
        variables.put(SupportVariables.REVIEW_DUE_AT, Date.from(dueAt));
        runtime.startProcessInstanceByKey(SupportVariables.PROCESS_KEY, stored.id(), variables);
        log.info("lead {}: partner {} rep {} asked for {} (request {}), review due {}", leadId, lead.partnerId(),
                caller.username(), stored.kind(), stored.id(), dueAt);
        return stored;
    }

    /** The lead's requests: all of them for vendor users, its own partner's for a partner user. */
    @Transactional(readOnly = true)
    public List<SupportRequest> forLead(long leadId, Caller caller) {
        access.visibleLead(leadId, caller);
        return requests.findByLeadIdOrderByRequestedAtAscIdAsc(leadId).stream()
                .filter(r -> caller.mayView(r.partnerId()))
                .toList();
    }

    public SupportRequest get(String requestId) {
        return requests.findById(requestId)
                .orElseThrow(() -> new IllegalStateException("support request " + requestId + " does not exist"));
    }

    /** The reviewer's answer: stored on the request, written on the lead, mailed to the rep. */
    public void answer(String requestId, SupportDecision decision, String text, String reviewer) {
        SupportStatus status = decision == SupportDecision.APPROVE ? SupportStatus.APPROVED : SupportStatus.REJECTED;
        if (!requests.answer(requestId, status, text, clock.now(), reviewer)) {
            log.warn("support request {} was answered already; the answer of {} is ignored", requestId, reviewer);
            return;
        }
        SupportRequest answered = get(requestId);
        Lead lead = leads.get(answered.leadId());
        events.record(lead.id(), status == SupportStatus.APPROVED ? LeadEventType.SUPPORT_APPROVED
                : LeadEventType.SUPPORT_REJECTED, reviewer, answered.partnerId(), answered.kind() + ": " + text);
        notifier.supportAnswered(lead, answered.partnerId(), answered.rep(), label(answered.kind()),
                status == SupportStatus.APPROVED, text);
        log.info("lead {}: support request {} of partner {} {} by {}", lead.id(), requestId, answered.partnerId(),
                status, reviewer);
    }

    /** Half the review time is gone: the channel managers are reminded. */
    public void remindReviewers(String requestId, Instant reviewDueAt) {
        SupportRequest request = get(requestId);
        Lead lead = leads.get(request.leadId());
        notifier.supportReviewReminder(lead, provisioning.emailsOf(VendorGroups.CHANNEL_MANAGERS),
                label(request.kind()), reviewDueAt);
        log.info("lead {}: channel managers reminded of support request {} of partner {}", lead.id(), requestId,
                request.partnerId());
    }

    /** The review is over its SLA: the channel directors are told (the mail goes out in the next step). */
    public void escalate(String requestId, String reviewSla) {
        SupportRequest request = get(requestId);
        Lead lead = leads.get(request.leadId());
        notifier.supportReviewEscalated(lead, provisioning.emailsOf(VendorGroups.CHANNEL_DIRECTORS),
                label(request.kind()), reviewSla);
    }

    private static String describe(SupportRequest request) {
        return request.kind() + (request.discountPercent() == null ? "" : " " + request.discountPercent().toPlainString()
                + "%") + ": " + request.justification();
    }

    private static String label(SupportKind kind) {
        return switch (kind) {
            case SPECIAL_PRICING -> "special pricing";
            case TECHNICAL_PRESALES -> "technical pre-sales";
            case OTHER -> "support";
        };
    }
}
