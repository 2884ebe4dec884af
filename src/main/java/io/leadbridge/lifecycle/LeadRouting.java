package io.leadbridge.lifecycle;

import io.leadbridge.config.LeadClock;
import io.leadbridge.dealregistration.RegisteredProtection;
import io.leadbridge.lead.FollowOnLog;
import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.Opportunity;
import io.leadbridge.opportunity.OpportunityRepository;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.LeadQualificationRules;
import io.leadbridge.routing.Qualification;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The decisions on a lead's way to a partner before it is chosen: qualification, account
 * protection, SLA terms. The choice of partner itself is {@link io.leadbridge.routing.LeadDistribution}'s.
 */
@Service
public class LeadRouting {

    private static final Logger log = LoggerFactory.getLogger(LeadRouting.class);

    private final LeadRepository leads;
    private final LeadEventLog events;
    private final LeadQualificationRules qualificationRules;
    private final AccountProtectionRules protectionRules;
    private final SlaPolicyRules slaRules;
    private final PartnerRepository partners;
    private final LeadOfferLog offers;
    private final StandingLookup standings;
    private final RegisteredProtection registrations;
    private final FollowOnLog followOns;
    private final OpportunityRepository opportunities;
    private final LeadClock clock;

    LeadRouting(LeadRepository leads, LeadEventLog events, LeadQualificationRules qualificationRules,
            AccountProtectionRules protectionRules, SlaPolicyRules slaRules, PartnerRepository partners,
            LeadOfferLog offers, StandingLookup standings, RegisteredProtection registrations, FollowOnLog followOns,
            OpportunityRepository opportunities, LeadClock clock) {
        this.followOns = followOns;
        this.opportunities = opportunities;
        this.clock = clock;
        this.registrations = registrations;
        this.leads = leads;
        this.events = events;
        this.qualificationRules = qualificationRules;
        this.protectionRules = protectionRules;
        this.slaRules = slaRules;
        this.partners = partners;
        this.offers = offers;
        this.standings = standings;
    }

    public Qualification qualify(long leadId, Map<String, Object> facts) {
        Qualification q = qualificationRules.evaluate(facts);
        leads.qualify(leadId, q.segment(), q.grade(), q.route().name());
        events.record(leadId, LeadEventType.QUALIFIED, LeadEvent.SYSTEM, null,
                "segment " + q.segment() + ", grade " + q.grade() + ", route " + q.route());
        log.info("lead {}: qualified as {} grade {}, route {}", leadId, q.segment(), q.grade(), q.route());
        return q;
    }

    /**
     * The protected partner and rep of the lead's account, if the account is protected and that
     * partner can take leads; otherwise an open account (a protected partner that is unknown or
     * inactive is noted on the timeline and the rules choose instead).
     */
    public Protection protect(long leadId, Map<String, Object> facts) {
        Protection protection = protectionRules.evaluate(facts);
        if (!protection.isProtected()) {
            return protection;
        }
        var partner = partners.findById(protection.partnerId());
        String unavailable = unavailable(protection.partnerId());
        if (unavailable != null) {
            events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, protection.partnerId(),
                    "account protected for partner " + protection.partnerId()
                            + ", which is " + unavailable + "; the distribution rules choose instead");
            return new Protection(false, null, null);
        }
        String rep = protection.repUsername();
        if (rep != null && partners.findRep(rep).filter(r -> r.partnerId().equals(protection.partnerId())).isEmpty()) {
            rep = null;
        }
        leads.markProtected(leadId);
        events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, protection.partnerId(),
                "named account of " + partner.get().name() + (rep == null ? "" : ", rep " + rep));
        return new Protection(true, protection.partnerId(), rep);
    }

    /**
     * The partner that won the account, protected on a follow-on product of it for the period the
     * follow-on table gives ({@code lead.FollowOnLog}): the follow-on lead itself, and any lead of
     * the account for that product in the period, go to it and to the rep who won the deal if that
     * is still one of its reps; otherwise an open account (a partner that is unknown, inactive or
     * suspended is noted on the timeline and the rules choose instead).
     */
    public Protection protectAsFollowOn(long leadId) {
        Lead lead = leads.get(leadId);
        var followOn = followOns.protecting(lead.accountId(), lead.product(), clock.now());
        if (followOn.isEmpty()) {
            return new Protection(false, null, null);
        }
        var f = followOn.get();
        String why = "follow-on of won lead " + f.wonLeadId() + " (" + f.productBought() + " bought): the partner"
                + " that won the account is protected on " + f.product() + " until " + f.protectedUntil();
        String unavailable = unavailable(f.partnerId());
        if (unavailable != null) {
            events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, f.partnerId(),
                    why + ", but partner " + f.partnerId() + " is " + unavailable
                            + "; the distribution rules choose instead");
            log.info("lead {}: follow-on winner {} is {}, routed by the rules", leadId, f.partnerId(), unavailable);
            return new Protection(false, null, null);
        }
        String rep = opportunities.find(f.wonLeadId()).map(Opportunity::repUsername)
                .flatMap(partners::findRep).filter(r -> r.partnerId().equals(f.partnerId()))
                .map(r -> r.username()).orElse(null);
        leads.markProtected(leadId);
        events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, f.partnerId(),
                why + "; " + partners.findById(f.partnerId()).orElseThrow().name() + " won it"
                        + (rep == null ? "" : ", rep " + rep));
        log.info("lead {}: protected for partner {} as follow-on of won lead {}", leadId, f.partnerId(),
                f.wonLeadId());
        return new Protection(true, f.partnerId(), rep);
    }

    /**
     * The partner whose approved deal registration covers the lead's account and product, and the
     * rep who registered it if that is one of its reps; otherwise an open account (a partner that
     * is unknown, inactive or suspended is noted on the timeline and the rules choose instead).
     */
    public Protection protectByRegistration(long leadId) {
        Lead lead = leads.get(leadId);
        var registered = registrations.of(lead.accountId(), lead.product());
        if (registered.isEmpty()) {
            return new Protection(false, null, null);
        }
        var by = registered.get();
        String unavailable = unavailable(by.partnerId());
        if (unavailable != null) {
            events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, by.partnerId(),
                    "deal registration " + by.registrationId() + " of partner " + by.partnerId() + ", which is "
                            + unavailable + "; the distribution rules choose instead");
            return new Protection(false, null, null);
        }
        String rep = partners.findRep(by.registeredBy()).filter(r -> r.partnerId().equals(by.partnerId()))
                .map(r -> r.username()).orElse(null);
        leads.markProtected(leadId);
        events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, by.partnerId(),
                "approved deal registration " + by.registrationId() + " of "
                        + partners.findById(by.partnerId()).orElseThrow().name() + " for " + lead.product()
                        + ", protected until " + by.until() + (rep == null ? "" : ", rep " + rep));
        log.info("lead {}: protected for partner {} by deal registration {}", leadId, by.partnerId(),
                by.registrationId());
        return new Protection(true, by.partnerId(), rep);
    }

    /** Why the partner cannot take a protected lead (unknown, inactive, suspended), or null if it can. */
    private String unavailable(String partnerId) {
        var partner = partners.findById(partnerId);
        if (partner.isEmpty()) {
            return "unknown";
        }
        if (!partner.get().isActive()) {
            return "inactive";
        }
        return standings.isSuspended(partnerId) ? "suspended" : null;
    }

    /** SLA terms for the next offer, and its number (1 for the first offer). */
    public SlaForOffer slaForNextOffer(long leadId) {
        Lead lead = leads.get(leadId);
        int attempt = offers.countOffers(leadId) + 1;
        return new SlaForOffer(attempt, slaRules.evaluate(lead.segment(), lead.grade(), attempt));
    }

    /** No partner can take the lead: it waits for a channel manager. */
    public void markUnassigned(long leadId, String why) {
        leads.changeStatus(leadId, LeadStatus.UNASSIGNED);
        events.record(leadId, LeadEventType.UNASSIGNED, LeadEvent.SYSTEM, null, why);
        log.info("lead {}: waits for manual distribution ({})", leadId, why);
    }

    /** The SLA terms of an offer and which offer of the lead it is. */
    public record SlaForOffer(int attempt, SlaTerms terms) {
    }
}
