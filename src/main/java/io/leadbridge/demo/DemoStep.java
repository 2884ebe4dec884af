package io.leadbridge.demo;

import static io.leadbridge.lead.LeadStatus.ACCEPTED;
import static io.leadbridge.lead.LeadStatus.CONTACTED;
import static io.leadbridge.lead.LeadStatus.OFFERED;

import io.leadbridge.lead.LeadStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * One thing a person does to a demo lead: the rep of the partner holding it, or the channel
 * manager. {@code text} is the reason or note the person gives.
 */
record DemoStep(Kind kind, String text) {

    enum Kind {
        ACCEPT("accepted it", OFFERED),
        DECLINE("declined it", OFFERED),
        REACH_PROSPECT("reported first contact", ACCEPTED),
        MISS_PROSPECT("could not reach the prospect", ACCEPTED),
        WIN("won it", ACCEPTED, CONTACTED),
        LOSE("lost it", ACCEPTED, CONTACTED),
        WITHDRAW("withdrew it", OFFERED, ACCEPTED, CONTACTED);

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
        return new DemoStep(Kind.ACCEPT, null);
    }

    static DemoStep decline(String reason) {
        return new DemoStep(Kind.DECLINE, reason);
    }

    static DemoStep reachProspect(String note) {
        return new DemoStep(Kind.REACH_PROSPECT, note);
    }

    static DemoStep missProspect(String note) {
        return new DemoStep(Kind.MISS_PROSPECT, note);
    }

    static DemoStep win(String note) {
        return new DemoStep(Kind.WIN, note);
    }

    /** {@code reason} is stored as the lead's outcome reason: at most 60 characters. */
    static DemoStep lose(String reason) {
        return new DemoStep(Kind.LOSE, reason);
    }

    static DemoStep withdraw(String reason) {
        return new DemoStep(Kind.WITHDRAW, reason);
    }

    /** The step in words, e.g. {@code declined it ("no capacity this quarter")}. */
    String describe() {
        return kind.verb + (text == null ? "" : " (\"" + text + "\")");
    }
}
