package io.leadbridge.rewards;

import java.util.List;

/** The ledger rows of a period for a rep, a partner or everyone, with their sum. */
record LedgerStatement(LeaderboardReport.Period period, String partner, String rep, long points,
        List<LedgerEntry> entries) {
}
