package io.leadbridge.reporting;

import io.leadbridge.web.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One month's rate of one currency as a channel manager gives it (a path and a body, or a line of
 * an uploaded file), checked: a known ISO 4217 code other than the reporting currency, a month
 * {@code YYYY-MM} between 1900 and 2999, and a rate above 0 with at most 10 digits before and 8
 * after the point (the column is {@code numeric(18, 8)}).
 */
public record RateLine(String currency, YearMonth month, BigDecimal rate) {

    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern RATE = Pattern.compile("\\d{1,10}(\\.\\d{1,8})?");
    private static final String OUT_OF_RANGE = "must be a number above 0 with at most 10 digits before and 8 after "
            + "the point, such as 0.92";

    /** The currency code upper-cased, or null after adding the error, named {@code prefix + "currency"}. */
    static String currency(String text, String reportingCurrency, String prefix, List<FieldError> errors) {
        String code = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches() || !known(code)) {
            errors.add(new FieldError(prefix + "currency", "must be an ISO 4217 currency code such as USD"));
            return null;
        }
        if (code.equals(reportingCurrency)) {
            errors.add(new FieldError(prefix + "currency", code + " is the reporting currency; its rate is always 1"));
            return null;
        }
        return code;
    }

    /** The month, or null after adding the error. */
    static YearMonth month(String text, String prefix, List<FieldError> errors) {
        String month = text == null ? "" : text.trim();
        if (MONTH.matcher(month).matches()) {
            int year = Integer.parseInt(month.substring(0, 4));
            int monthOfYear = Integer.parseInt(month.substring(5));
            if (year >= 1900 && year <= 2999 && monthOfYear >= 1 && monthOfYear <= 12) {
                return YearMonth.of(year, monthOfYear);
            }
        }
        errors.add(new FieldError(prefix + "month", "must be a month written YYYY-MM, between 1900-01 and 2999-12"));
        return null;
    }

    /** The rate, or null after adding the error. */
    static BigDecimal rate(BigDecimal rate, String prefix, List<FieldError> errors) {
        if (rate == null) {
            errors.add(new FieldError(prefix + "rate", "is required"));
            return null;
        }
        BigDecimal stripped = rate.stripTrailingZeros();
        // Digits counted before any text is made of it: 1e999999999 is a short number and a long text.
        if (stripped.precision() - stripped.scale() > 10 || stripped.scale() > 8) {
            errors.add(new FieldError(prefix + "rate", OUT_OF_RANGE));
            return null;
        }
        return rate(stripped.toPlainString(), prefix, errors);
    }

    /** The rate read from text, or null after adding the error. */
    static BigDecimal rate(String text, String prefix, List<FieldError> errors) {
        String rate = text == null ? "" : text.trim();
        if (!RATE.matcher(rate).matches()) {
            errors.add(new FieldError(prefix + "rate", OUT_OF_RANGE));
            return null;
        }
        BigDecimal value = new BigDecimal(rate);
        if (value.signum() <= 0) {
            errors.add(new FieldError(prefix + "rate", "must be above 0"));
            return null;
        }
        return value;
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}
