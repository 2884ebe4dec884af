package io.leadbridge.reporting;

/**
 * How a report's SQL converts an opportunity's value (of a report fact row {@code f}) into the
 * reporting currency, the parameter {@code :reportingCurrency}: at the rate ({@code exchange_rate},
 * joined as {@code x}) of the UTC month the amount belongs to, the month the lead closed (won or
 * lost) or, while it is open, the month it arrived. An amount in the reporting currency counts as
 * it is; one whose month has no rate is left out of the converted sum and summed apart, in its own
 * currency, to be shown beside it.
 */
final class Conversion {

    static final String PARAMETER = "reportingCurrency";

    /** The month an amount belongs to. */
    private static final String AT = "coalesce(f.closed_at, f.received_at)";

    /** The rate of the amount's currency and month, if there is one: at most one row, the months do not overlap. */
    static final String JOIN = "\nleft join exchange_rate x on x.reporting_currency = :reportingCurrency"
            + " and x.currency = f.opportunity_currency and x.starts_at <= " + AT + " and x.ends_at > " + AT;

    /** The value in the reporting currency; null when its month has no rate. Spaced: text blocks strip theirs. */
    static final String CONVERTED = " (case when f.opportunity_currency = :reportingCurrency then f.opportunity_value"
            + " else f.opportunity_value * x.rate end) ";

    /** The value in its own currency when its month has no rate; else null. */
    static final String UNCONVERTED = " (case when f.opportunity_currency <> :reportingCurrency and x.rate is null"
            + " then f.opportunity_value end) ";

    private Conversion() {
    }
}
