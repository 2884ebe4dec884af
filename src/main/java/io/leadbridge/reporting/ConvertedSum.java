package io.leadbridge.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sums amounts of several currencies into the reporting currency at the rate of each amount's UTC
 * month (as {@link Conversion} does in SQL), keeping the originals per currency; an amount whose month
 * has no rate stays out of {@code value} and is listed in {@code withoutRate} in its own currency. One
 * per sum; the rates looked up are remembered by the {@link Rates} the report shares.
 */
public final class ConvertedSum {

    private final Rates rates;
    private final Map<String, BigDecimal> originals = new TreeMap<>();
    private final Map<String, BigDecimal> withoutRate = new TreeMap<>();
    private BigDecimal value = BigDecimal.ZERO;
    private long count;

    ConvertedSum(Rates rates) {
        this.rates = rates;
    }

    public ConvertedSum add(String currency, BigDecimal amount, Instant belongsTo) {
        if (amount == null) {
            return this;
        }
        count++;
        originals.merge(currency, amount, BigDecimal::add);
        Optional<BigDecimal> rate = rates.of(currency, YearMonth.from(belongsTo.atZone(ZoneOffset.UTC)));
        if (rate.isPresent()) {
            value = value.add(amount.multiply(rate.get()));
        } else {
            withoutRate.merge(currency, amount, BigDecimal::add);
        }
        return this;
    }

    public Amount amount() {
        return new Amount(rates.currency(), count, value.setScale(2, RoundingMode.HALF_UP), money(originals),
                money(withoutRate));
    }

    private static List<Money> money(Map<String, BigDecimal> byCurrency) {
        return byCurrency.entrySet().stream()
                .map(e -> new Money(e.getKey(), e.getValue().setScale(2, RoundingMode.HALF_UP))).toList();
    }

    /**
     * A sum of {@code count} amounts: {@code value} in the reporting currency {@code currency}, the
     * {@code originals} per currency as they were, and {@code withoutRate} the amounts left out of
     * {@code value} because their month has no rate: while it is not empty, {@code value} is not the whole.
     */
    public record Amount(String currency, long count, BigDecimal value, List<Money> originals,
            List<Money> withoutRate) {
    }

    /** The rates one report uses, each looked up once. */
    public static final class Rates {

        private final ExchangeRates exchangeRates;
        private final String currency;
        private final Map<String, Optional<BigDecimal>> known = new HashMap<>();

        Rates(ExchangeRates exchangeRates, String currency) {
            this.exchangeRates = exchangeRates;
            this.currency = currency;
        }

        public ConvertedSum sum() {
            return new ConvertedSum(this);
        }

        /** The reporting currency. */
        public String currency() {
            return currency;
        }

        Optional<BigDecimal> of(String from, YearMonth month) {
            return known.computeIfAbsent(from + " " + month, k -> exchangeRates.rate(from, month));
        }
    }
}
