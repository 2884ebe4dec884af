package io.leadbridge.reporting;

import io.leadbridge.reporting.FairnessReport.PartnerFairness;
import io.leadbridge.reporting.FairnessReport.Period;
import io.leadbridge.reporting.FairnessReport.Totals;
import io.leadbridge.reporting.FairnessTally.Share;
import io.leadbridge.reporting.RulesDecisionHistory.PartnerLabel;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the fairness report of a period from the routing decisions the rules took in it. */
@Service
public class FairnessReporting {

    private final RulesDecisionHistory history;

    FairnessReporting(RulesDecisionHistory history) {
        this.history = history;
    }

    /** Partners ordered by drift, the most starved first (ties by id). */
    @Transactional(readOnly = true)
    public FairnessReport report(ReportPeriod period) {
        FairnessTally tally = new FairnessTally();
        history.forEachRulesDecision(period.from(), period.to(), tally::add);
        Map<String, PartnerLabel> labels = history.partners(tally.partners().keySet());
        List<PartnerFairness> partners = tally.partners().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Share> e) -> drift(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .map(e -> fairness(e.getKey(), e.getValue(), labels.get(e.getKey())))
                .toList();
        return new FairnessReport(new Period(period.from(), period.to()),
                new Totals(tally.decisions(), tally.decisionsWithoutPartner(), tally.leadsRouted(),
                        tally.decisionsWithCompetitorsLeftOut()),
                FairnessTally.VERDICT_RULE, partners);
    }

    private static PartnerFairness fairness(String partnerId, Share share, PartnerLabel label) {
        double drift = drift(share);
        return new PartnerFairness(partnerId, label == null ? null : label.name(), label == null ? null : label.tier(),
                share.received, round(share.entitled, 2), round(drift, 2),
                share.entitled > 0 ? round(drift / share.entitled, 3) : null,
                FairnessTally.verdict(share.received, share.entitled));
    }

    private static double drift(Share share) {
        return share.received - share.entitled;
    }

    private static BigDecimal round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP);
    }
}
