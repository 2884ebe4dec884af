package io.leadbridge.rewards;

import io.leadbridge.lead.LeadEventType;
import java.time.Instant;

/**
 * One row of the rewards ledger: the points one lead event earned a partner and its rep, the
 * {@code rewardPoints} row that gave them ({@code ruleId}, its annotation as {@code reason}) and
 * the table version. {@code rep} is empty when no rep of the partner had a hand in it.
 */
record LedgerEntry(Long id, long leadEventId, long leadId, String partnerId, String rep, LeadEventType eventType,
        int points, String reason, String ruleId, int decisionVersion, Instant occurredAt) {

    static final String[] CSV_HEADER = {"id", "leadEventId", "leadId", "partnerId", "rep", "eventType", "points",
            "reason", "ruleId", "decisionVersion", "occurredAt"};

    Object[] csvRow() {
        return new Object[] {id, leadEventId, leadId, partnerId, rep, eventType, points, reason, ruleId,
                decisionVersion, occurredAt};
    }
}
