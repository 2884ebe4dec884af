package io.leadbridge.routing;

import io.leadbridge.config.LeadClock;
import io.leadbridge.partner.PartnerDispatch;
import io.leadbridge.partner.PartnerDispatchRepository;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.partner.RepProfile;
import io.leadbridge.partner.RepProfileRepository;
import io.leadbridge.routing.RepAssignmentLog.Method;
import io.leadbridge.routing.RepAssignmentLog.RepAssignment;
import io.leadbridge.routing.RepAssignmentRules.InsideFacts;
import io.leadbridge.routing.RepAssignmentRules.RepRequirements;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Which rep inside the partner gets an offer: the protected account's named rep first; else, unless
 * the partner or the {@code repAssignment} table leaves it to the lead managers, the fair rotation
 * among the reps whose profile matches the lead, who are not out of office (or whose stand-in is
 * free) and below their capacity: the rep whose last offer is oldest comes next. No such rep: the
 * partner's lead managers. Every choice is written with its reasons and the candidates weighed.
 */
@Service
public class RepDispatch {

    private static final Logger log = LoggerFactory.getLogger(RepDispatch.class);

    private final RepAssignmentRules rules;
    private final RepAssignmentLog assignments;
    private final RepProfileRepository profiles;
    private final PartnerDispatchRepository dispatches;
    private final PartnerRepository partners;
    private final JdbcClient jdbc;
    private final LeadClock clock;

    RepDispatch(RepAssignmentRules rules, RepAssignmentLog assignments, RepProfileRepository profiles,
            PartnerDispatchRepository dispatches, PartnerRepository partners, JdbcClient jdbc, LeadClock clock) {
        this.rules = rules;
        this.assignments = assignments;
        this.profiles = profiles;
        this.dispatches = dispatches;
        this.partners = partners;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The holder of a new offer of the lead to the partner; {@code namedRep} is a protected account's rep. */
    public RepAssignment dispatch(long leadId, String partnerId, int attempt, String namedRep) {
        if (namedRep != null) {
            return record(new RepAssignment(leadId, partnerId, attempt, namedRep, clock.now(), Method.PROTECTED,
                    "the protected account's named rep gets its leads first", null, null, null));
        }
        return choose(leadId, partnerId, attempt, List.of(), "");
    }

    /**
     * The holder let the inside SLA pass: its turn ends, and the offer goes to the next matching rep
     * that has not had it yet, or to the lead managers.
     */
    public RepAssignment moveOn(long leadId, String partnerId, int attempt, String repAcceptSla) {
        RepAssignment current = assignments.current(leadId, partnerId).orElse(null);
        assignments.end(leadId, partnerId, clock.now(), RepAssignmentLog.INSIDE_SLA_MISSED);
        String before = current == null || current.repUsername() == null ? ""
                : current.repUsername() + " did not accept within " + repAcceptSla + "; ";
        return choose(leadId, partnerId, attempt, assignments.repsThatHad(leadId, partnerId, attempt), before);
    }

    /** A lead manager (or channel manager) gives the partner's offer to one of its reps, with a note. */
    public RepAssignment reassign(long leadId, String partnerId, int attempt, String rep, String actor, String note) {
        assignments.end(leadId, partnerId, clock.now(), RepAssignmentLog.MOVED_BY_MANAGER);
        return record(new RepAssignment(leadId, partnerId, attempt, rep, clock.now(), Method.REASSIGNED,
                "reassigned by " + actor + ": " + note, null, null, null));
    }

    /** Who holds the partner's offer of the lead now, if anyone inside the partner does. */
    public RepAssignment current(long leadId, String partnerId) {
        return assignments.current(leadId, partnerId).orElse(null);
    }

    private RepAssignment choose(long leadId, String partnerId, int attempt, List<String> excluded, String before) {
        Instant now = clock.now();
        PartnerDispatch dispatch = dispatches.find(partnerId);
        if (dispatch.manualDispatch()) {
            return toManagers(leadId, partnerId, attempt, before + "the partner dispatches its offers by hand", null);
        }
        InsideFacts facts = facts(leadId);
        RepRequirements required = rules.evaluate(facts);
        if (required.managersDispatch()) {
            return toManagers(leadId, partnerId, attempt,
                    before + "the rep assignment table leaves this lead to the lead managers", null);
        }
        profiles.lockPartner(partnerId);
        List<RepProfile> all = profiles.findByPartner(partnerId);
        Map<String, RepProfile> byName = all.stream().collect(Collectors.toMap(RepProfile::username,
                Function.identity()));
        Map<String, Integer> open = assignments.openLeads(partnerId);
        Map<String, Instant> lastOffered = profiles.lastOffered(partnerId);
        List<String> lines = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (RepProfile rep : all) {
            String name = rep.username();
            String mismatch = mismatch(rep, facts, required);
            if (excluded.contains(name)) {
                lines.add(name + ": skipped, already had this offer");
            } else if (mismatch != null) {
                lines.add(name + ": skipped, " + mismatch);
            } else if (rep.awayAt(now)) {
                RepProfile standIn = rep.standIn() == null ? null : byName.get(rep.standIn());
                String unavailable = standIn == null ? "no stand-in with a profile"
                        : excluded.contains(standIn.username()) ? "stand-in " + standIn.username() + " already had it"
                        : standIn.awayAt(now) ? "stand-in " + standIn.username() + " is away too"
                        : full(standIn, open) ? "stand-in " + standIn.username() + " is at capacity" : null;
                if (unavailable != null) {
                    lines.add(name + ": skipped, out of office until " + rep.awayUntil() + "; " + unavailable);
                } else {
                    lines.add(name + ": out of office until " + rep.awayUntil() + ", stand-in "
                            + standIn.username() + " takes the turn");
                    turns.add(new Turn(name, standIn.username(), lastOffered.get(name)));
                }
            } else if (full(rep, open)) {
                lines.add(name + ": skipped, at capacity (" + open.getOrDefault(name, 0) + " of " + rep.capacity()
                        + " open)");
            } else {
                lines.add(name + ": matches, " + open.getOrDefault(name, 0) + " of " + rep.capacity() + " open");
                turns.add(new Turn(name, name, lastOffered.get(name)));
            }
        }
        String candidates = String.join("\n", lines);
        String needs = "must match " + required.describe() + languageNote(facts, required);
        if (turns.isEmpty()) {
            return toManagers(leadId, partnerId, attempt, before + "no rep with a profile matches and is available ("
                    + needs + ")", candidates.isEmpty() ? null : candidates);
        }
        // Never offered before comes first; then the oldest last offer; the username breaks a tie.
        Turn next = turns.stream().min(Comparator.comparing((Turn t) -> t.lastOffered() == null ? Instant.MIN
                : t.lastOffered()).thenComparing(Turn::owner)).orElseThrow();
        profiles.tookTurn(next.owner(), now);
        boolean standIn = !next.owner().equals(next.holder());
        String reason = before + "its turn in the rotation among " + turns.size() + " matching, available rep(s) ("
                + needs + ")" + (standIn ? "; stand-in for " + next.owner() + ", who is out of office" : "");
        return record(new RepAssignment(leadId, partnerId, attempt, next.holder(), now,
                standIn ? Method.STAND_IN : Method.ROTATION, reason, candidates, null, null));
    }

    private RepAssignment toManagers(long leadId, String partnerId, int attempt, String reason, String candidates) {
        boolean managers = !partners.findLeadManagers(partnerId).isEmpty();
        return record(new RepAssignment(leadId, partnerId, attempt, null, clock.now(),
                managers ? Method.MANAGERS : Method.TEAM, reason + (managers ? "; the lead managers dispatch it"
                        : "; the partner has no lead managers, so its team sees the offer"), candidates, null, null));
    }

    private RepAssignment record(RepAssignment assignment) {
        assignments.open(assignment);
        log.info("lead {}: offer of partner {} to {}: {}", assignment.leadId(), assignment.partnerId(),
                assignment.repUsername() == null ? assignment.method().name().toLowerCase() : assignment.repUsername(),
                assignment.reason());
        return assignment;
    }

    /** How the lead's language took part in the choice, for the explanation in the lead's routing. */
    private static String languageNote(InsideFacts lead, RepRequirements required) {
        if (!required.matchLanguage()) {
            return "";
        }
        return lead.language() == null ? "; the lead names no language, so no rep is checked on it"
                : "; the lead's language is " + lead.language();
    }

    private static boolean full(RepProfile rep, Map<String, Integer> open) {
        return open.getOrDefault(rep.username(), 0) >= rep.capacity();
    }

    private static String mismatch(RepProfile rep, InsideFacts lead, RepRequirements required) {
        if (required.matchTerritory() && !rep.coversTerritory(lead.country(), lead.region())) {
            return "does not cover " + (lead.region() == null ? lead.country() : lead.region());
        }
        if (required.matchProduct() && !rep.covers(rep.products(), lead.product())) {
            return "does not sell " + lead.product();
        }
        if (required.matchIndustry() && !rep.covers(rep.industries(), lead.industry())) {
            return "does not know the industry " + lead.industry();
        }
        if (required.matchLanguage() && !rep.covers(rep.languages(), lead.language())) {
            return "does not speak " + lead.language();
        }
        return null;
    }

    private InsideFacts facts(long leadId) {
        return jdbc.sql("""
                select a.country, a.region, l.product, a.industry, l.segment, l.language from lead l
                join account a on a.id = l.account_id where l.id = :id""")
                .param("id", leadId)
                .query((rs, row) -> new InsideFacts(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .single();
    }

    /** A rep's turn in the rotation, taken by the rep itself or by its stand-in. */
    private record Turn(String owner, String holder, Instant lastOffered) {
    }
}
