package io.leadbridge.demo;

import static io.leadbridge.lead.LeadStatus.ACCEPTED;
import static io.leadbridge.lead.LeadStatus.CONTACTED;
import static io.leadbridge.lead.LeadStatus.OPPORTUNITY;
import static io.leadbridge.lead.LeadStatus.OFFERED;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * One thing a person does to a demo lead: the rep of the partner holding it, or the channel
 * manager. {@code text} is the reason or note the person gives.
 */
record DemoStep(Kind kind, String text, BigDecimal amount, OpportunityStage stage, LostReason lostReason) {

    enum Kind {
        ACCEPT("accepted it", OFFERED),
        DECLINE("declined it", OFFERED),
        REACH_PROSPECT("reported first contact", ACCEPTED),
        MISS_PROSPECT("could not reach the prospect", ACCEPTED),
        CONVERT("made it an opportunity", CONTACTED),
        ADVANCE("moved the opportunity on", OPPORTUNITY),
        WIN("won it", ACCEPTED, CONTACTED, OPPORTUNITY),
        LOSE("lost it", ACCEPTED, CONTACTED, OPPORTUNITY),
        WITHDRAW("withdrew it", OFFERED, ACCEPTED, CONTACTED, OPPORTUNITY);

        private final String verb;
        private final Set<LeadStatus> actsOn;

        Kind(String verb, LeadStatus first, LeadStatus... more) {
            this.verb = verb;
            this.actsOn = EnumSet.of(first, more);
        }

        /** Whether a lead in this status allows the step. */
        boolean actsOn(LeadStatus status) {
            return actsOn.contains(status);
        }
    }

    static DemoStep accept() {
        return new DemoStep(Kind.ACCEPT, null, null, null, null);
    }

    static DemoStep decline(String reason) {
        return new DemoStep(Kind.DECLINE, reason, null, null, null);
    }

    static DemoStep reachProspect(String note) {
        return new DemoStep(Kind.REACH_PROSPECT, note, null, null, null);
    }

    static DemoStep missProspect(String note) {
        return new DemoStep(Kind.MISS_PROSPECT, note, null, null, null);
    }

    /** An opportunity worth {@code amount} (in the prospect's currency), closing in a few weeks. */
    static DemoStep convert(long amount, String note) {
        return new DemoStep(Kind.CONVERT, note, BigDecimal.valueOf(amount), OpportunityStage.QUALIFICATION, null);
    }

    static DemoStep advance(OpportunityStage stage, String note) {
        return new DemoStep(Kind.ADVANCE, note, null, stage, null);
    }

    static DemoStep win(long amount, String note) {
        return new DemoStep(Kind.WIN, note, BigDecimal.valueOf(amount), null, null);
    }

    static DemoStep lose(LostReason reason, String note) {
        return new DemoStep(Kind.LOSE, note, null, null, reason);
    }

    static DemoStep withdraw(String reason) {
        return new DemoStep(Kind.WITHDRAW, reason, null, null, null);
    }

    /** The step in words, e.g. {@code declined it ("no capacity this quarter")}. */
    String describe() {
        return kind.verb + (stage == null || kind == Kind.CONVERT ? "" : " to " + stage)
                + (lostReason == null ? "" : " (" + lostReason + ")")
                + (text == null ? "" : " (\"" + text + "\")");
    }
}
