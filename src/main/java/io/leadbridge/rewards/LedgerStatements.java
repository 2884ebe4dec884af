package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerRep;
import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may read which ledger rows: a partner user those of its own partner (all, or one of its
 * reps'), vendor users every row.
 */
@Service
class LedgerStatements {

    private final RewardLedger ledger;
    private final PartnerRepository partners;

    LedgerStatements(RewardLedger ledger, PartnerRepository partners) {
        this.ledger = ledger;
        this.partners = partners;
    }

    /** @param rep one rep's rows, or null; @param partnerId one partner's rows, or null (a partner user: its own) */
    @Transactional(readOnly = true)
    public LedgerStatement statement(Caller caller, String rep, String partnerId, ReportPeriod period) {
        String partner = partnerId;
        if (caller.isPartnerUser()) {
            if (partner != null && !partner.equals(caller.partnerId())) {
                throw ApiException.forbidden("you may only read your own partner's ledger");
            }
            partner = caller.partnerId();
            if (rep != null) {
                Optional<PartnerRep> known = partners.findRep(rep);
                if (known.isEmpty() || !known.get().partnerId().equals(partner)) {
                    throw ApiException.forbidden("you may only read the ledger of your own partner's reps");
                }
            }
        } else if (partner != null && !partners.exists(partner)) {
            throw new InvalidInputException("partner", "no partner '" + partner + "'");
        }
        List<LedgerEntry> entries = ledger.entries(period.from(), period.to(), partner, rep);
        long points = entries.stream().mapToLong(LedgerEntry::points).sum();
        return new LedgerStatement(new LeaderboardReport.Period(period.from(), period.to()), partner, rep, points,
                entries);
    }
}
