package io.leadbridge.opportunity;

import java.util.EnumSet;
import java.util.Set;

/** Where a deal stands: three open stages in order, then won or lost. */
public enum OpportunityStage {
    QUALIFICATION, PROPOSAL, NEGOTIATION, WON, LOST;

    public static final Set<OpportunityStage> OPEN = EnumSet.of(QUALIFICATION, PROPOSAL, NEGOTIATION);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /**
     * The open stages a rep may move this one to: any later stage (deals do skip a step) or back
     * by one (a proposal sent back for requalification). A closed deal moves nowhere.
     */
    public Set<OpportunityStage> nextStages() {
        Set<OpportunityStage> next = EnumSet.noneOf(OpportunityStage.class);
        if (!isOpen()) {
            return next;
        }
        for (OpportunityStage stage : OPEN) {
            if (stage.ordinal() > ordinal() || stage.ordinal() == ordinal() - 1) {
                next.add(stage);
            }
        }
        return next;
    }
}
