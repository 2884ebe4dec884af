package io.leadbridge.lifecycle;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadEvent;
import io.leadbridge.lead.LeadEventLog;
import io.leadbridge.lead.LeadEventType;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.lead.LeadStatus;
import io.leadbridge.partner.Partner;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.StandingLookup;
import io.leadbridge.routing.AccountProtectionRules;
import io.leadbridge.routing.AccountProtectionRules.Protection;
import io.leadbridge.routing.LeadQualificationRules;
import io.leadbridge.routing.PartnerEligibilityRules;
import io.leadbridge.routing.PartnerSelector;
import io.leadbridge.routing.DecisionTrace;
import io.leadbridge.routing.DecisionTrace.Traced;
import io.leadbridge.routing.DecisionTrace.TracedDecision;
import io.leadbridge.routing.PartnerRequirements;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.PartnerSelector.Selection;
import io.leadbridge.routing.RoutingDecisionLog;
import io.leadbridge.routing.RoutingDecisionLog.DecisionUsed;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.routing.RoutingDecisionLog.RowUsed;
import io.leadbridge.routing.RuleAnnotations;
import io.leadbridge.routing.Qualification;
import io.leadbridge.routing.SlaPolicyRules;
import io.leadbridge.routing.SlaPolicyRules.SlaTerms;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.ProspectRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The decisions on a lead's way to a partner: qualification, protection, SLA terms, selection. */
@Service
public class LeadRouting {

    private static final Logger log = LoggerFactory.getLogger(LeadRouting.class);

    private final LeadRepository leads;
    private final LeadEventLog events;
    private final LeadQualificationRules qualificationRules;
    private final AccountProtectionRules protectionRules;
    private final SlaPolicyRules slaRules;
    private final PartnerEligibilityRules eligibilityRules;
    private final PartnerSelector selector;
    private final PartnerRepository partners;
    private final LeadOfferLog offers;
    private final ProspectRepository prospects;
    private final DecisionTrace trace;
    private final RuleAnnotations annotations;
    private final RoutingDecisionLog decisionLog;
    private final StandingLookup standings;

    LeadRouting(LeadRepository leads, LeadEventLog events, LeadQualificationRules qualificationRules,
            AccountProtectionRules protectionRules, SlaPolicyRules slaRules, PartnerEligibilityRules eligibilityRules,
            PartnerSelector selector, PartnerRepository partners, LeadOfferLog offers, ProspectRepository prospects,
            DecisionTrace trace, RuleAnnotations annotations, RoutingDecisionLog decisionLog, StandingLookup standings) {
        this.standings = standings;
        this.prospects = prospects;
        this.trace = trace;
        this.annotations = annotations;
        this.decisionLog = decisionLog;
        this.leads = leads;
        this.events = events;
        this.qualificationRules = qualificationRules;
        this.protectionRules = protectionRules;
        this.slaRules = slaRules;
        this.eligibilityRules = eligibilityRules;
        this.selector = selector;
        this.partners = partners;
        this.offers = offers;
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
        boolean suspended = partner.isPresent() && standings.isSuspended(protection.partnerId());
        if (partner.isEmpty() || !partner.get().isActive() || suspended) {
            events.record(leadId, LeadEventType.ACCOUNT_PROTECTED, LeadEvent.SYSTEM, protection.partnerId(),
                    "account protected for partner " + protection.partnerId()
                            + ", which is " + (partner.isEmpty() ? "unknown" : suspended ? "suspended" : "inactive")
                            + "; the distribution rules choose instead");
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

    /** SLA terms for the next offer, and its number (1 for the first offer). */
    public SlaForOffer slaForNextOffer(long leadId) {
        Lead lead = leads.get(leadId);
        int attempt = offers.countOffers(leadId) + 1;
        return new SlaForOffer(attempt, slaRules.evaluate(lead.segment(), lead.grade(), attempt));
    }

    /**
     * The partner the rules choose for the next offer, if any, recorded with its explanation.
     * The facts come from the lead's records, not from process variables, which a task
     * completion could have changed.
     */
    public Selection selectPartner(long leadId) {
        Lead lead = leads.get(leadId);
        Account account = prospects.account(lead.accountId());
        Map<String, Object> facts = PartnerEligibilityRules.facts(lead.segment(), lead.grade(), lead.product(),
                account.industry(), account.country());
        Traced<PartnerRequirements> requirements = trace.record(() -> eligibilityRules.evaluate(facts));
        List<TracedDecision> used = new ArrayList<>(requirements.decisions());
        // Open competition: only for open accounts, when the eligibility table allows it.
        int wanted = !lead.protectedAccount() && requirements.value().allowsCompetition()
                ? requirements.value().competitors() : 1;
        Traced<Selection> traced = trace.record(() -> selector.select(leadId, new LeadNeeds(lead.segment(),
                account.industry(), lead.product(), account.country(), account.region(), requirements.value()),
                wanted));
        used.addAll(distinct(traced.decisions()));
        Selection selection = traced.value();
        decisionLog.record(leadId, offers.countOffers(leadId) + 1, Method.RULES, selection.poolKey(),
                selection.partnerId(), describe(used), selection.candidates(), selection.explanation());
        log.info("lead {}: {}{}", leadId, selection.explanation(),
                selection.found() ? ", partner " + selection.partnerId() : "");
        return selection;
    }

    /** Records an offer whose partner no rule chose: a protected account, a manual assignment or reassignment. */
    public void recordNomination(long leadId, int attempt, String partnerId, Method method, String why) {
        decisionLog.record(leadId, attempt, method, null, partnerId, List.of(), List.of(), why);
    }

    private List<DecisionUsed> describe(List<TracedDecision> decisions) {
        return decisions.stream()
                .map(d -> new DecisionUsed(d.key(), d.version(), d.ruleIds().stream()
                        .map(rule -> new RowUsed(rule, annotations.of(d.definitionId(), rule))).toList()))
                .toList();
    }

    /** The ranking table answers many partners with the same rows: list each table version and row once. */
    private static List<TracedDecision> distinct(List<TracedDecision> decisions) {
        Map<String, java.util.LinkedHashSet<String>> rows = new java.util.LinkedHashMap<>();
        Map<String, TracedDecision> first = new java.util.LinkedHashMap<>();
        for (TracedDecision d : decisions) {
            String key = d.key() + "#" + d.definitionId();
            first.putIfAbsent(key, d);
            rows.computeIfAbsent(key, k -> new java.util.LinkedHashSet<>()).addAll(d.ruleIds());
        }
        return first.entrySet().stream()
                .map(e -> new TracedDecision(e.getValue().key(), e.getValue().definitionId(), e.getValue().version(),
                        List.copyOf(rows.get(e.getKey()))))
                .toList();
    }

    /** No partner can take the lead: it waits for a channel manager. */
    public void markUnassigned(long leadId, String why) {
        leads.changeStatus(leadId, LeadStatus.UNASSIGNED);
        events.record(leadId, LeadEventType.UNASSIGNED, LeadEvent.SYSTEM, null, why);
        log.info("lead {}: waits for manual distribution ({})", leadId, why);
    }

    public Partner activePartner(String partnerId) {
        return partners.findById(partnerId).filter(Partner::isActive).orElse(null);
    }

    /** The SLA terms of an offer and which offer of the lead it is. */
    public record SlaForOffer(int attempt, SlaTerms terms) {
    }
}
