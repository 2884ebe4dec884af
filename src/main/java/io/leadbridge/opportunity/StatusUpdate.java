package io.leadbridge.opportunity;

import io.leadbridge.web.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * One report of a rep on a contacted lead, from Tasklist's "Report progress" form, a CRM's status
 * sync or the opportunity endpoints. For WON, {@code amount} is the final deal value.
 */
public record StatusUpdate(DealAction action, BigDecimal amount, String currency, LocalDate expectedCloseDate,
        List<String> products, OpportunityStage stage, LostReason lostReason, String note) {

    // The process variables the form writes and the API sets when it completes the step.
    public static final String ACTION = "progressAction";
    public static final String AMOUNT = "opportunityAmount";
    public static final String CURRENCY = "currency";
    public static final String EXPECTED_CLOSE_DATE = "expectedCloseDate";
    public static final String PRODUCTS = "products";
    public static final String STAGE = "opportunityStage";
    public static final String LOST_REASON = "lostReason";
    public static final String NOTE = "note";

    public StatusUpdate {
        products = products == null ? List.of() : List.copyOf(products);
        currency = currency == null || currency.isBlank() ? null : currency.trim().toUpperCase(java.util.Locale.ROOT);
        note = note == null || note.isBlank() ? null : note.trim();
    }

    public static StatusUpdate note(String note) {
        return new StatusUpdate(DealAction.NOTE, null, null, null, null, null, null, note);
    }

    /** The same details reported as {@code action}, with {@code note}. */
    public StatusUpdate as(DealAction action, String note) {
        return new StatusUpdate(action, amount, currency, expectedCloseDate, products, stage, lostReason, note);
    }

    /** The answer as the step's variables; null values clear what an earlier answer left behind. */
    public Map<String, Object> toVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ACTION, action == null ? null : action.name());
        variables.put(AMOUNT, amount == null ? null : amount.toPlainString());
        variables.put(CURRENCY, currency);
        variables.put(EXPECTED_CLOSE_DATE, expectedCloseDate == null ? null : expectedCloseDate.toString());
        variables.put(PRODUCTS, products.isEmpty() ? null : String.join(", ", products));
        variables.put(STAGE, stage == null ? null : stage.name());
        variables.put(LOST_REASON, lostReason == null ? null : lostReason.name());
        variables.put(NOTE, note);
        return variables;
    }

    /**
     * A close (WON or LOST) as the variables of a form that closes the lead at once ("Contact the
     * prospect", "Work lead in inside sales"): those forms have no action, stage, date or products,
     * and a task takes only its form's variables. The caller adds the form's {@code outcome}.
     */
    public Map<String, Object> toClosingVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(AMOUNT, amount == null ? null : amount.toPlainString());
        variables.put(CURRENCY, currency);
        variables.put(LOST_REASON, lostReason == null ? null : lostReason.name());
        variables.put(NOTE, note);
        return variables;
    }

    /**
     * Reads the answer a form or {@code /engine-rest} wrote: numbers and dates may come as text or
     * as typed values. Anything unreadable is refused with the variable's name.
     */
    public static StatusUpdate fromVariables(VariableScope scope) {
        return fromVariables(scope, null);
    }

    /** The close (WON or LOST) of a lead reported at first contact or by inside sales: {@code action} is given. */
    public static StatusUpdate closingFromVariables(VariableScope scope, DealAction action) {
        return fromVariables(scope, action);
    }

    private static StatusUpdate fromVariables(VariableScope scope, DealAction given) {
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        DealAction action = given != null ? given : enumOf(DealAction.class, text(scope, ACTION), ACTION, errors);
        if (action == null && errors.isEmpty()) {
            errors.add(new InvalidInputException.FieldError(ACTION, "say what happened: one of "
                    + Arrays.toString(DealAction.values())));
        }
        BigDecimal amount = null;
        Object rawAmount = scope.getVariable(AMOUNT);
        if (rawAmount != null && !rawAmount.toString().isBlank()) {
            try {
                amount = new BigDecimal(rawAmount.toString().trim());
            } catch (NumberFormatException e) {
                errors.add(new InvalidInputException.FieldError(AMOUNT, "'" + rawAmount + "' is not an amount"));
            }
        }
        LocalDate closeDate = null;
        Object rawDate = scope.getVariable(EXPECTED_CLOSE_DATE);
        if (rawDate instanceof Date date) {
            closeDate = date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        } else if (rawDate != null && !rawDate.toString().isBlank()) {
            try {
                String text = rawDate.toString().trim();
                closeDate = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                errors.add(new InvalidInputException.FieldError(EXPECTED_CLOSE_DATE,
                        "'" + rawDate + "' is not a date (YYYY-MM-DD)"));
            }
        }
        String products = text(scope, PRODUCTS);
        OpportunityStage stage = enumOf(OpportunityStage.class, text(scope, STAGE), STAGE, errors);
        LostReason lostReason = enumOf(LostReason.class, text(scope, LOST_REASON), LOST_REASON, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new StatusUpdate(action, amount, text(scope, CURRENCY), closeDate,
                products == null ? List.of() : Arrays.stream(products.split(",")).map(String::trim)
                        .filter(p -> !p.isEmpty()).toList(),
                stage, lostReason, text(scope, NOTE));
    }

    private static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field,
            List<InvalidInputException.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInputException.FieldError(field, "'" + value + "' is not one of "
                    + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
