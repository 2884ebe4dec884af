package io.leadbridge.support;

import java.util.HashMap;
import java.util.Map;

/** Bodies of {@code /engine-rest} task answers (complete, submit-form), as Tasklist and a CRM send them. */
public final class TaskAnswers {

    private TaskAnswers() {
    }

    /** A typed value without a type: {@code {"value": ...}}, null allowed. */
    public static Map<String, Object> value(Object value) {
        Map<String, Object> typed = new HashMap<>();
        typed.put("value", value);
        return typed;
    }

    /** {@code {"variables": {name: value, ...}}} from names and {@link #value}s by turns. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return Map.of("variables", variables);
    }
}
