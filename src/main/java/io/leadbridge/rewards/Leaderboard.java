package io.leadbridge.rewards;

import io.leadbridge.partner.PartnerRepository;
import io.leadbridge.reporting.ReportPeriod;
import io.leadbridge.rewards.LeaderboardReport.Row;
import io.leadbridge.rewards.LeaderboardTallies.PartnerLabel;
import io.leadbridge.rewards.LeaderboardTallies.RepLabel;
import io.leadbridge.rewards.LeaderboardTallies.Tally;
import io.leadbridge.security.Caller;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stack ranking of reps or partners over a period, and what each caller may see of it:
 * vendor users everything; a partner user its own partner in full, other partners by tier (and
 * their reps by first name) unless {@code leadbridge.rewards.leaderboard.*} says otherwise.
 */
@Service
class Leaderboard {

    /** Whom the board ranks. */
    enum Scope {
        REPS, PARTNERS;

        String parameter() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Comparator<Row> RANKING = Comparator.comparingLong(Row::points).reversed()
            .thenComparing(Comparator.comparingLong(Row::wins).reversed())
            .thenComparing(Leaderboard::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(row -> Objects.toString(row.rep(), ""))
            .thenComparing(row -> Objects.toString(row.partnerId(), ""));

    private final LeaderboardTallies tallies;
    private final PartnerRepository partners;
    private final RewardsProperties.Leaderboard visibility;

    Leaderboard(LeaderboardTallies tallies, PartnerRepository partners, RewardsProperties properties) {
        this.tallies = tallies;
        this.partners = partners;
        this.visibility = properties.leaderboard();
    }

    /** @param partnerId only this partner's reps (scope {@code REPS} only), or null for every partner */
    @Transactional(readOnly = true)
    public LeaderboardReport board(Caller caller, Scope scope, String partnerId, ReportPeriod period,
            LeaderboardFilter filter) {
        if (partnerId != null) {
            if (caller.isPartnerUser() && !partnerId.equals(caller.partnerId())) {
                throw ApiException.forbidden("you may only rank your own partner's reps; leave out partner for the "
                        + "ranking across partners");
            }
            if (scope != Scope.REPS) {
                throw new InvalidInputException("partner", "ranks the reps of one partner: use it with scope=reps");
            }
            if (!partners.exists(partnerId)) {
                throw new InvalidInputException("partner", "no partner '" + partnerId + "'");
            }
        }
        List<Tally> counted = tallies.tallies(period, partnerId, filter);
        List<Row> rows = scope == Scope.REPS ? reps(counted) : partners(counted);
        List<Row> ranked = new ArrayList<>();
        for (Row row : rows.stream().sorted(RANKING).toList()) {
            ranked.add(visibleTo(caller, scope, row.ranked(ranked.size() + 1)));
        }
        return new LeaderboardReport(new LeaderboardReport.Period(period.from(), period.to()), scope.parameter(),
                partnerId, filter.inUse(), ranked);
    }

    private List<Row> reps(List<Tally> counted) {
        List<Tally> ofReps = counted.stream().filter(t -> t.rep() != null).toList();
        Map<String, PartnerLabel> partnerLabels = tallies.partners(ofReps.stream().map(Tally::partnerId).toList());
        Map<String, RepLabel> repLabels = tallies.reps(ofReps.stream().map(Tally::rep).toList());
        return ofReps.stream().map(t -> {
            PartnerLabel partner = partnerLabels.get(t.partnerId());
            RepLabel rep = repLabels.getOrDefault(t.rep(), new RepLabel(null, null));
            return row(t, rep.firstName(), rep.lastName(), partner);
        }).toList();
    }

    private List<Row> partners(List<Tally> counted) {
        Map<String, Tally> byPartner = counted.stream().collect(Collectors.toMap(Tally::partnerId, Tally::ofPartner,
                Tally::plus, LinkedHashMap::new));
        Map<String, PartnerLabel> labels = tallies.partners(byPartner.keySet());
        return byPartner.values().stream().map(t -> row(t, null, null, labels.get(t.partnerId()))).toList();
    }

    private static Row row(Tally tally, String firstName, String lastName, PartnerLabel partner) {
        BigDecimal onTimeRate = tally.timedSteps() == 0 ? null
                : BigDecimal.valueOf(tally.onTimeSteps()).divide(BigDecimal.valueOf(tally.timedSteps()), 3,
                        RoundingMode.HALF_UP);
        return new Row(0, tally.rep(), firstName, lastName, tally.partnerId(), partner == null ? null : partner.name(),
                partner == null ? null : partner.tier(), tally.points(), tally.wins(), onTimeRate, tally.onTimeSteps(),
                tally.timedSteps());
    }

    private Row visibleTo(Caller caller, Scope scope, Row row) {
        if (!caller.isPartnerUser() || row.partnerId().equals(caller.partnerId())) {
            return row;
        }
        if (scope == Scope.REPS) {
            return visibility.showOtherPartnersReps() ? row : row.withRepByFirstName();
        }
        return visibility.showPartnerNames() ? row : row.withoutPartnerName();
    }

    /** Ties are broken by the rep's name (first, last) or the partner's name. */
    private static String name(Row row) {
        if (row.rep() != null) {
            return Objects.toString(row.firstName(), "") + " " + Objects.toString(row.lastName(), "");
        }
        return row.partnerName();
    }
}
