package io.leadbridge.contactcheck;

import io.leadbridge.config.LeadClock;
import io.leadbridge.config.LeadbridgeProperties;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadAccepted;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.lead.Reactions;
import io.leadbridge.notification.Notifier;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.prospect.Contact;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import io.leadbridge.calendar.WorkingCalendars;
import io.leadbridge.security.AccessProvisioning;
import io.leadbridge.security.Caller;
import io.leadbridge.security.VendorGroups;
import io.leadbridge.standing.PartnerStrikes;
import io.leadbridge.standing.StrikeKind;
import io.leadbridge.web.ApiException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Don't assume, check": a table-given time after a partner accepts a lead (the slaPolicy table's
 * {@code customerCheckAfter}) the prospect is asked once whether the partner contacted them. A
 * "no" is a strike against the partner and a mail to the channel managers; "yes", no answer and
 * a check that was not needed are recorded on the lead. The {@code customerContactCheck} process
 * calls the steps below; {@link CustomerAnswers} serves the customer's side.
 */
@Service
public class ContactChecks {

    private static final Logger log = LoggerFactory.getLogger(ContactChecks.class);
    /** The actor on the lead's timeline for what the customer did. */
    static final String CUSTOMER = "customer";
    static final String PUBLIC_PATH = "/public/contact-check/";
    /** Statuses in which the partner that accepted the lead still holds it and works it. */
    private static final Set<LeadStatus> HELD_AFTER_ACCEPTANCE = EnumSet.of(LeadStatus.ACCEPTED, LeadStatus.CONTACTED,
            LeadStatus.OPPORTUNITY);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT.withZone(ZoneOffset.UTC);

    private final ContactCheckRepository checks;
    private final LeadRepository leads;
    private final LeadEventLog events;
    private final SlaPolicyRules slaPolicy;
    private final ProspectRepository prospects;
    private final PartnerRepository partners;
    private final Notifier notifier;
    private final AccessProvisioning access;
    private final PartnerStrikes strikes;
    private final ContactCheckTokens tokens;
    private final ContactCheckProperties properties;
    private final LeadbridgeProperties leadbridge;
    private final RuntimeService runtime;
    private final LeadClock clock;
    private final WorkingCalendars calendars;

    ContactChecks(ContactCheckRepository checks, LeadRepository leads, LeadEventLog events, SlaPolicyRules slaPolicy,
            ProspectRepository prospects, PartnerRepository partners, Notifier notifier, AccessProvisioning access,
            PartnerStrikes strikes, ContactCheckTokens tokens, ContactCheckProperties properties,
            LeadbridgeProperties leadbridge, RuntimeService runtime, LeadClock clock, WorkingCalendars calendars) {
        this.calendars = calendars;
        this.checks = checks;
        this.leads = leads;
        this.events = events;
        this.slaPolicy = slaPolicy;
        this.prospects = prospects;
        this.partners = partners;
        this.notifier = notifier;
        this.access = access;
        this.strikes = strikes;
        this.tokens = tokens;
        this.properties = properties;
        this.leadbridge = leadbridge;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** Don't assume, check: once a partner has accepted a lead, the customer is later asked whether it called. */
    @EventListener
    @Order(Reactions.CONTACT_CHECKS)
    @Transactional
    void on(LeadAccepted accepted) {
        schedule(accepted.leadId());
    }

    /**
     * The lead was just accepted: stores the check (SCHEDULED) and starts its process, which
     * waits until acceptance + {@code customerCheckAfter}. Runs in the acceptance's transaction.
     */
    @Transactional
    public ContactCheck schedule(long leadId) {
        Lead lead = leads.get(leadId);
        SlaTerms terms = slaPolicy.evaluate(lead.segment(), lead.grade(), Math.max(1, lead.attemptCount()));
        String checkAfter = terms.customerCheckAfter();
        // Counted in the partner's working time where the table says so: its time to call runs on its calendar.
        Instant dueAt = calendars.partnerDue(terms.clock(), lead.partnerId(), clock.now(), checkAfter);
        ContactCheck check = checks.save(ContactCheck.scheduled(leadId, lead.partnerId(), lead.contactId(), dueAt));

        Map<String, Object> variables = new HashMap<>();
        variables.put(ContactCheckVariables.LEAD_ID, leadId);
        variables.put(ContactCheckVariables.PARTNER_ID, lead.partnerId());
        variables.put(ContactCheckVariables.CHECK_AFTER, checkAfter);
        variables.put(ContactCheckVariables.CHECK_DUE_AT, Date.from(dueAt));
        runtime.startProcessInstanceByKey(ContactCheckVariables.PROCESS_KEY, check.id(), variables);
        log.info("lead {}: customer contact check {} for partner {} scheduled for {}", leadId, check.id(),
                lead.partnerId(), dueAt);
        return check;
    }

    /** The check's time has come: why the customer is not to be asked, or empty if they are. */
    public Optional<SkipReason> reasonNotToAsk(String checkId) {
        ContactCheck check = checks.get(checkId);
        Lead lead = leads.get(check.leadId());
        if (lead.status().isClosed()) {
            return Optional.of(SkipReason.LEAD_CLOSED);
        }
        if (!check.partnerId().equals(lead.partnerId()) || !HELD_AFTER_ACCEPTANCE.contains(lead.status())) {
            return Optional.of(SkipReason.PARTNER_NO_LONGER_HOLDS_LEAD);
        }
        if (checks.hasNewerCheck(check)) {
            return Optional.of(SkipReason.SUPERSEDED);
        }
        if (checks.optedOut(check.contactId())) {
            return Optional.of(SkipReason.CONTACT_OPTED_OUT);
        }
        String email = prospects.contact(check.contactId()).email();
        if (email == null || email.isBlank()) {
            return Optional.of(SkipReason.NO_EMAIL);
        }
        return Optional.empty();
    }

    /** "Record why the check is not needed": SKIPPED, and why, on the check and the lead. */
    public void skip(String checkId, SkipReason reason) {
        ContactCheck check = checks.get(checkId);
        if (!checks.skip(checkId, reason, clock.now())) {
            throw new IllegalStateException("contact check " + checkId + " is " + check.status() + ", not SCHEDULED");
        }
        events.record(check.leadId(), LeadEventType.CUSTOMER_CHECK_SKIPPED, LeadEvent.SYSTEM, check.partnerId(),
                "customer not asked whether the partner contacted them: " + reason.describe());
        log.info("lead {}: customer contact check {} for partner {} skipped: {}", check.leadId(), checkId,
                check.partnerId(), reason.describe());
    }

    /**
     * "Send the question to the customer": marks the check SENT, writes the mail with the signed
     * links and records it on the lead. Returns when the links stop working.
     */
    public Instant ask(String checkId) {
        ContactCheck check = checks.get(checkId);
        Lead lead = leads.get(check.leadId());
        Contact contact = prospects.contact(check.contactId());
        Instant now = clock.now();
        // Whole seconds, as the token carries it.
        Instant expiresAt = now.plus(properties.answerWindow()).truncatedTo(ChronoUnit.SECONDS);
        if (!checks.sent(checkId, now, expiresAt)) {
            throw new IllegalStateException("contact check " + checkId + " is " + check.status() + ", not SCHEDULED");
        }
        String link = publicBaseUrl() + PUBLIC_PATH + tokens.issue(checkId, expiresAt);
        String partnerName = partnerName(check.partnerId());
        notifier.customerContactCheck(lead, check.partnerId(), partnerName, contact, link, link + "/opt-out",
                expiresAt);
        events.record(lead.id(), LeadEventType.CUSTOMER_CHECK_SENT, LeadEvent.SYSTEM, check.partnerId(),
                "asked the customer whether " + partnerName + " contacted them about " + lead.product()
                        + "; answer by " + TIME.format(expiresAt));
        log.info("lead {}: customer asked whether partner {} contacted them (check {}), answer by {}", lead.id(),
                check.partnerId(), checkId, expiresAt);
        return expiresAt;
    }

    /** "Record the customer's answer": CONFIRMED or DENIED, on the check and the lead. */
    public void recordAnswer(String checkId, CustomerAnswer answer) {
        ContactCheck check = checks.get(checkId);
        if (!checks.answered(checkId, answer, clock.now())) {
            throw new IllegalStateException("contact check " + checkId + " is " + check.status() + ", not SENT");
        }
        boolean contacted = answer == CustomerAnswer.YES;
        events.record(check.leadId(), contacted ? LeadEventType.CUSTOMER_CONFIRMED_CONTACT
                : LeadEventType.CUSTOMER_DENIED_CONTACT, CUSTOMER, check.partnerId(), contacted
                        ? "the customer confirmed that the partner contacted them"
                        : "the customer says the partner has not contacted them");
        log.info("lead {}: the customer answered {} to contact check {} for partner {}", check.leadId(), answer,
                checkId, check.partnerId());
    }

    /** "Record a strike against the partner": the customer says nobody called. */
    public void strikePartner(String checkId) {
        ContactCheck check = checks.get(checkId);
        Lead lead = leads.get(check.leadId());
        strikes.record(check.partnerId(), check.leadId(), StrikeKind.CUSTOMER_NOT_CONTACTED,
                "the customer says nobody from the partner contacted them about " + lead.product() + " (lead "
                        + lead.id() + ")");
    }

    /** "Tell the channel managers": writes the mail to every channel manager with an e-mail address. */
    public void tellChannelManagers(String checkId) {
        ContactCheck check = checks.get(checkId);
        Lead lead = leads.get(check.leadId());
        Set<String> channelManagers = access.emailsOf(VendorGroups.CHANNEL_MANAGERS);
        notifier.customerDeniedContact(lead, check.partnerId(), partnerName(check.partnerId()), channelManagers);
        if (channelManagers.isEmpty()) {
            log.warn("lead {}: the customer says partner {} has not contacted them, but no channel manager has an "
                    + "e-mail address to be told", lead.id(), check.partnerId());
        }
    }

    /** "Record that the customer did not answer": the answer window is over. */
    public void recordNoAnswer(String checkId) {
        ContactCheck check = checks.get(checkId);
        if (!checks.unanswered(checkId, clock.now())) {
            throw new IllegalStateException("contact check " + checkId + " is " + check.status() + ", not SENT");
        }
        events.record(check.leadId(), LeadEventType.CUSTOMER_CHECK_UNANSWERED, LeadEvent.SYSTEM, check.partnerId(),
                "the customer did not answer by " + TIME.format(check.expiresAt()));
        log.info("lead {}: contact check {} for partner {} unanswered", check.leadId(), checkId, check.partnerId());
    }

    /** The lead's checks, oldest first: for vendor users only, as the customer's answers are the vendor's. */
    @Transactional(readOnly = true)
    public List<ContactCheck> forLead(long leadId, Caller caller) {
        leads.get(leadId);
        if (caller.isPartnerUser()) {
            throw ApiException.forbidden("the customer contact checks of a lead are for the vendor");
        }
        return checks.forLead(leadId);
    }

    /** The lead of a check: the process's leadId variable is for readers of Cockpit only. */
    public long leadOf(String checkId) {
        return checks.get(checkId).leadId();
    }

    String partnerName(String partnerId) {
        return partners.findById(partnerId).map(Partner::name).orElse(partnerId);
    }

    private String publicBaseUrl() {
        String base = leadbridge.publicBaseUrl();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
