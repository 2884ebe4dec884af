package io.leadbridge.routing;

import io.leadbridge.lead.Lead;
import io.leadbridge.lead.LeadOfferLog;
import io.leadbridge.lead.LeadRepository;
import io.leadbridge.prospect.Account;
import io.leadbridge.prospect.ProspectRepository;
import io.leadbridge.routing.DecisionTrace.Traced;
import io.leadbridge.routing.DecisionTrace.TracedDecision;
import io.leadbridge.routing.PartnerSelector.LeadNeeds;
import io.leadbridge.routing.PartnerSelector.Selection;
import io.leadbridge.routing.RoutingDecisionLog.DecisionUsed;
import io.leadbridge.routing.RoutingDecisionLog.Method;
import io.leadbridge.routing.RoutingDecisionLog.RowUsed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Which partner a lead is distributed to next, and why: the partnerEligibility table's
 * requirements, then {@link PartnerSelector}'s fair choice among the eligible (several partners
 * for an open competition). Every choice is recorded in the {@link RoutingDecisionLog} with the
 * table versions and rows that made it, and so is a partner nobody's rules chose (a protected
 * account, a manual assignment or a reassignment).
 */
@Service
public class LeadDistribution {

    private static final Logger log = LoggerFactory.getLogger(LeadDistribution.class);

    private final LeadRepository leads;
    private final ProspectRepository prospects;
    private final PartnerEligibilityRules eligibilityRules;
    private final PartnerSelector selector;
    private final LeadOfferLog offers;
    private final DecisionTrace trace;
    private final RuleAnnotations annotations;
    private final RoutingDecisionLog decisionLog;

    LeadDistribution(LeadRepository leads, ProspectRepository prospects, PartnerEligibilityRules eligibilityRules,
            PartnerSelector selector, LeadOfferLog offers, DecisionTrace trace, RuleAnnotations annotations,
            RoutingDecisionLog decisionLog) {
        this.leads = leads;
        this.prospects = prospects;
        this.eligibilityRules = eligibilityRules;
        this.selector = selector;
        this.offers = offers;
        this.trace = trace;
        this.annotations = annotations;
        this.decisionLog = decisionLog;
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
        Map<String, LinkedHashSet<String>> rows = new LinkedHashMap<>();
        Map<String, TracedDecision> first = new LinkedHashMap<>();
        for (TracedDecision d : decisions) {
            String key = d.key() + "#" + d.definitionId();
            first.putIfAbsent(key, d);
            rows.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(d.ruleIds());
        }
        return first.entrySet().stream()
                .map(e -> new TracedDecision(e.getValue().key(), e.getValue().definitionId(), e.getValue().version(),
                        List.copyOf(rows.get(e.getKey()))))
                .toList();
    }
}
