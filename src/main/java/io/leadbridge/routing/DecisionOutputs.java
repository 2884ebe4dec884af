package io.leadbridge.routing;

import java.util.Map;

/**
 * Reads the outputs of a decision table row and says clearly which output is missing or wrong,
 * so a broken table deployment raises an incident that names the table and column.
 */
final class DecisionOutputs {

    private final String decisionKey;
    private final Map<String, Object> row;

    DecisionOutputs(String decisionKey, Map<String, Object> row) {
        this.decisionKey = decisionKey;
        this.row = row;
    }

    String text(String output) {
        Object value = row.get(output);
        return value == null ? null : value.toString();
    }

    String requiredText(String output) {
        String value = text(output);
        if (value == null || value.isBlank()) {
            throw new DecisionTableException(decisionKey, "output '" + output + "' is empty");
        }
        return value;
    }

    int requiredInt(String output) {
        Object value = row.get(output);
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(requiredText(output).trim());
        } catch (NumberFormatException e) {
            throw new DecisionTableException(decisionKey, "output '" + output + "' is not a whole number: " + value);
        }
    }

    <E extends Enum<E>> E requiredEnum(String output, Class<E> type) {
        String value = requiredText(output);
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new DecisionTableException(decisionKey, "output '" + output + "' is '" + value + "', expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
