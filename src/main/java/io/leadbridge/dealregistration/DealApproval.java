package io.leadbridge.dealregistration;

/**
 * One answer of the dealApproval table. A rejection carries its reason; a review its SLA; an
 * approval or review the protection period and how long a deal may go without an update.
 */
public record DealApproval(Outcome outcome, String reason, String reviewSla, String protectionPeriod,
        String staleAfter) {

    public enum Outcome { APPROVE, REJECT, REVIEW }

    /** The first output this outcome needs that the row left empty, or null. */
    String missingOutput() {
        return switch (outcome) {
            case REJECT -> reason == null ? "reason" : null;
            case REVIEW -> reviewSla == null ? "reviewSla" : protectionPeriod == null ? "protectionPeriod"
                    : staleAfter == null ? "staleAfter" : null;
            case APPROVE -> protectionPeriod == null ? "protectionPeriod" : staleAfter == null ? "staleAfter" : null;
        };
    }
}
