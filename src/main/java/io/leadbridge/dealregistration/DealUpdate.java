package io.leadbridge.dealregistration;

import io.leadbridge.opportunity.DealAction;
import io.leadbridge.opportunity.LostReason;
import io.leadbridge.opportunity.OpportunityStage;
import io.leadbridge.web.MultiLineText;
import jakarta.validation.constraints.Size;
import io.leadbridge.web.InvalidInputException;
import io.leadbridge.web.InvalidInputException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What the registering partner posts to {@code /api/deals/{id}/updates} or answers in Tasklist's
 * "Report on the deal": a progress note ({@code NOTE}, the default), a change of stage, amount or
 * expected close date ({@code UPDATE}), or the close: {@code WON} with the final amount,
 * {@code LOST} with a reason. The currency and the products stay as registered.
 */
public record DealUpdate(DealAction action, OpportunityStage stage, BigDecimal amount, LocalDate expectedCloseDate,
        LostReason lostReason, @Size(max = DealUpdateRules.MAX_NOTE) @MultiLineText String note) {

    public DealUpdate {
        action = action == null ? DealAction.NOTE : action;
        note = note == null || note.isBlank() ? null : note.trim();
    }

    /** A progress note. */
    public DealUpdate(String note) {
        this(DealAction.NOTE, null, null, null, null, note);
    }

    boolean closes() {
        return action == DealAction.WON || action == DealAction.LOST;
    }

    /** The answer as the variables of "Report on the deal"; null values leave a field empty. */
    Map<String, Object> toVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DealVariables.DEAL_ACTION, action.name());
        variables.put(DealVariables.DEAL_STAGE, stage == null ? null : stage.name());
        variables.put(DealVariables.DEAL_AMOUNT, amount == null ? null : amount.toPlainString());
        variables.put(DealVariables.DEAL_CLOSE_DATE, expectedCloseDate == null ? null : expectedCloseDate.toString());
        variables.put(DealVariables.LOST_REASON, lostReason == null ? null : lostReason.name());
        variables.put(DealVariables.DEAL_NOTE, note);
        return variables;
    }

    /**
     * Reads the answer Tasklist's form or {@code /engine-rest} wrote: numbers and dates as text or
     * typed values. Anything unreadable is refused naming the variable.
     */
    static DealUpdate fromVariables(VariableScope scope) {
        List<FieldError> errors = new ArrayList<>();
        String actionText = text(scope, DealVariables.DEAL_ACTION);
        if (actionText == null) {
            errors.add(new FieldError(DealVariables.DEAL_ACTION, "say what happened: one of "
                    + DealUpdateRules.ACTIONS));
        }
        DealAction action = enumOf(DealAction.class, actionText, DealVariables.DEAL_ACTION, errors);
        OpportunityStage stage = enumOf(OpportunityStage.class, text(scope, DealVariables.DEAL_STAGE),
                DealVariables.DEAL_STAGE, errors);
        LostReason lostReason = enumOf(LostReason.class, text(scope, DealVariables.LOST_REASON),
                DealVariables.LOST_REASON, errors);
        BigDecimal amount = null;
        String rawAmount = text(scope, DealVariables.DEAL_AMOUNT);
        if (rawAmount != null) {
            try {
                amount = new BigDecimal(rawAmount).stripTrailingZeros();
                amount = amount.scale() < 0 ? amount.setScale(0) : amount;
            } catch (NumberFormatException e) {
                errors.add(new FieldError(DealVariables.DEAL_AMOUNT, "'" + rawAmount + "' is not an amount"));
            }
        }
        LocalDate closeDate = null;
        Object rawDate = scope.getVariable(DealVariables.DEAL_CLOSE_DATE);
        if (rawDate instanceof Date date) {
            closeDate = date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
        } else if (rawDate != null && !rawDate.toString().isBlank()) {
            String date = rawDate.toString().trim();
            try {
                closeDate = LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(DealVariables.DEAL_CLOSE_DATE, "'" + rawDate
                        + "' is not a date (YYYY-MM-DD)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new DealUpdate(action, stage, amount, closeDate, lostReason, text(scope, DealVariables.DEAL_NOTE));
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
