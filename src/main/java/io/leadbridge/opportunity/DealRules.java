package io.leadbridge.opportunity;

import io.leadbridge.lead.LeadStatus;
import io.leadbridge.web.ApiException;
import io.leadbridge.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a rep may report on a contacted lead, and what each report must carry. Used by the API
 * before it completes the rep's step and by the step's completion listener for Tasklist, so both
 * refuse the same things: 400 naming the field, 409 naming the allowed moves.
 */
public final class DealRules {

    public static final int MAX_NOTE = 2000;
    public static final int MAX_PRODUCTS = 20;
    public static final int MAX_PRODUCT = 100;
    /** The length of opportunity.products. */
    private static final int MAX_PRODUCTS_TEXT = 1000;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

    private DealRules() {
    }

    /** The reports a lead in {@code status} accepts from its rep. */
    public static Set<DealAction> allowedActions(LeadStatus status) {
        return switch (status) {
            case CONTACTED -> EnumSet.of(DealAction.NOTE, DealAction.CONVERT, DealAction.WON, DealAction.LOST);
            case OPPORTUNITY -> EnumSet.of(DealAction.NOTE, DealAction.UPDATE, DealAction.WON, DealAction.LOST);
            default -> EnumSet.noneOf(DealAction.class);
        };
    }

    public static void check(long leadId, LeadStatus status, Optional<Opportunity> opportunity, StatusUpdate update,
            LocalDate today) {
        Set<DealAction> allowed = allowedActions(status);
        if (!allowed.contains(update.action())) {
            throw ApiException.conflict("lead " + leadId + " is " + status + "; "
                    + (allowed.isEmpty() ? "no more updates are possible" : "allowed now: " + allowed)
                    + (update.action() == DealAction.UPDATE ? " (convert the lead into an opportunity first)" : "")
                    + (update.action() == DealAction.CONVERT ? " (the lead is already an opportunity: update it)" : ""));
        }
        checkAnswer(leadId, opportunity, update, today);
    }

    /**
     * The fields the report's action needs, whatever the lead's status: also for a lead won or
     * lost at first contact, or by inside sales.
     */
    public static void checkAnswer(long leadId, Optional<Opportunity> opportunity, StatusUpdate update, LocalDate today) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        if (update.note() != null && update.note().length() > MAX_NOTE) {
            errors.add(error(StatusUpdate.NOTE, "must be at most " + MAX_NOTE + " characters"));
        }
        switch (update.action()) {
            case NOTE -> {
                if (update.note() == null) {
                    errors.add(error(StatusUpdate.NOTE, "a progress update needs a note"));
                }
            }
            case CONVERT -> {
                required(update.amount(), StatusUpdate.AMOUNT, "the opportunity needs an amount", errors);
                required(update.currency(), StatusUpdate.CURRENCY, "the opportunity needs a currency", errors);
                required(update.expectedCloseDate(), StatusUpdate.EXPECTED_CLOSE_DATE,
                        "the opportunity needs an expected close date", errors);
                checkDeal(update, today, errors);
                if (update.stage() != null && !update.stage().isOpen()) {
                    errors.add(error(StatusUpdate.STAGE, "a new opportunity starts in one of "
                            + OpportunityStage.OPEN + "; close it with WON or LOST"));
                }
            }
            case UPDATE -> {
                Opportunity current = opportunity.orElseThrow(() -> ApiException.conflict(
                        "lead " + leadId + " has no opportunity to update"));
                checkDeal(update, today, errors);
                if (update.stage() != null && update.stage() != current.stage()
                        && !current.stage().nextStages().contains(update.stage())) {
                    throw ApiException.conflict("the opportunity of lead " + leadId + " cannot move from "
                            + current.stage() + " to " + update.stage() + "; allowed: " + current.stage().nextStages()
                            + (update.stage().isOpen() ? "" : " (close it with WON or LOST)"));
                }
                if (errors.isEmpty() && !changes(current, update) && update.note() == null) {
                    errors.add(error(StatusUpdate.STAGE, "nothing to update: give a stage, amount, currency, "
                            + "expected close date, products or a note"));
                }
            }
            case WON -> {
                required(update.amount(), StatusUpdate.AMOUNT, "a won deal needs its final amount", errors);
                if (update.currency() == null && opportunity.isEmpty()) {
                    errors.add(error(StatusUpdate.CURRENCY, "a won deal without an opportunity needs a currency"));
                }
                checkDeal(update, today, errors);
            }
            case LOST -> required(update.lostReason(), StatusUpdate.LOST_REASON,
                    "a lost deal needs a reason: one of " + EnumSet.allOf(LostReason.class), errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** True if the update changes something about the opportunity besides a note. */
    static boolean changes(Opportunity current, StatusUpdate update) {
        return (update.stage() != null && update.stage() != current.stage())
                || (update.amount() != null && update.amount().compareTo(current.amount()) != 0)
                || (update.currency() != null && !update.currency().equals(current.currency()))
                || (update.expectedCloseDate() != null && !update.expectedCloseDate().equals(current.expectedCloseDate()))
                || (!update.products().isEmpty() && !Objects.equals(update.products(), current.products()));
    }

    private static void checkDeal(StatusUpdate update, LocalDate today, List<InvalidInputException.FieldError> errors) {
        if (update.amount() != null && (update.amount().signum() <= 0 || update.amount().compareTo(MAX_AMOUNT) > 0
                || update.amount().scale() > 2)) {
            errors.add(error(StatusUpdate.AMOUNT, "must be a positive amount with at most 2 decimals"));
        }
        if (update.currency() != null && !isCurrency(update.currency())) {
            errors.add(error(StatusUpdate.CURRENCY, "'" + update.currency() + "' is not an ISO 4217 currency code"));
        }
        if (update.expectedCloseDate() != null && update.expectedCloseDate().isBefore(today)) {
            errors.add(error(StatusUpdate.EXPECTED_CLOSE_DATE, "must not be in the past (today is " + today + ")"));
        }
        if (update.products().size() > MAX_PRODUCTS) {
            errors.add(error(StatusUpdate.PRODUCTS, "at most " + MAX_PRODUCTS + " products"));
        } else if (update.products().stream().anyMatch(p -> p.length() > MAX_PRODUCT || p.contains(","))) {
            errors.add(error(StatusUpdate.PRODUCTS, "each product name has at most " + MAX_PRODUCT
                    + " characters and no comma"));
        } else if (String.join(", ", update.products()).length() > MAX_PRODUCTS_TEXT) {
            errors.add(error(StatusUpdate.PRODUCTS, "at most " + MAX_PRODUCTS_TEXT + " characters in all"));
        }
    }

    private static boolean isCurrency(String code) {
        try {
            return code.length() == 3 && Currency.getInstance(code) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void required(Object value, String field, String message, List<InvalidInputException.FieldError> errors) {
        if (value == null) {
            errors.add(error(field, message));
        }
    }

    private static InvalidInputException.FieldError error(String field, String message) {
        return new InvalidInputException.FieldError(field, message);
    }
}
