package io.leadbridge.campaign;

import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A campaign as a channel manager posts it to {@code /api/campaigns} or puts it to
 * {@code /api/campaigns/{code}}. {@code currency} left out is the reporting currency.
 */
public record CampaignRequest(String code, String name, String channel, BigDecimal cost, String currency,
        LocalDate startsOn, LocalDate endsOn) {

    /** What leads may carry as their campaign and a URL can name: lead.campaign is at most 120 characters. */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");
    static final int MAX_NAME = 200;
    static final int MAX_CHANNEL = 60;
    /** numeric(15, 2). */
    private static final BigDecimal MAX_COST = new BigDecimal("9999999999999.99");

    /**
     * Every broken rule at once, each naming its field. {@code pathCode} is the campaign of a
     * {@code PUT}: the body's code must then be left out or match it; a {@code POST} needs one.
     */
    void check(String pathCode) {
        List<FieldError> errors = new ArrayList<>();
        if (pathCode == null && (code == null || code.isBlank())) {
            errors.add(new FieldError("code", "required: the campaign code its leads carry, e.g. autumn-launch"));
        } else if (pathCode == null && !CODE.matcher(code).matches()) {
            errors.add(new FieldError("code", "must be 1-120 letters, digits, dots, dashes or underscores, "
                    + "starting with a letter or digit"));
        } else if (pathCode != null && code != null && !code.equals(pathCode)) {
            errors.add(new FieldError("code", "must match the campaign in the path ('" + pathCode
                    + "') or be left out"));
        }
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "required"));
        } else if (name.trim().length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (channel == null || channel.isBlank()) {
            errors.add(new FieldError("channel", "required, e.g. webinar, trade show, paid search"));
        } else if (channel.trim().length() > MAX_CHANNEL) {
            errors.add(new FieldError("channel", "must be at most " + MAX_CHANNEL + " characters"));
        }
        if (cost == null) {
            errors.add(new FieldError("cost", "required: what the campaign cost, 0 or more"));
        } else if (cost.signum() < 0) {
            errors.add(new FieldError("cost", "must be 0 or more"));
        } else if (cost.scale() > 2 || cost.compareTo(MAX_COST) > 0) {
            errors.add(new FieldError("cost", "at most two decimals and below 10^13"));
        }
        if (currency != null && !isCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code such as EUR"));
        }
        if (startsOn == null) {
            errors.add(new FieldError("startsOn", "required: the campaign's first day, e.g. 2026-05-01"));
        }
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "must be on or after startsOn (" + startsOn + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
