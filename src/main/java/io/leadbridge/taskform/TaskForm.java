package io.leadbridge.taskform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A deployed Camunda Form (a {@code .form} file): its id and the fields that write variables, by key. */
record TaskForm(String id, Map<String, FormField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TaskForm parse(byte[] schema) {
        try {
            JsonNode root = JSON.readTree(schema);
            Map<String, FormField> fields = new LinkedHashMap<>();
            collect(root.path("components"), fields);
            return new TaskForm(root.path("id").asText(null), Map.copyOf(fields));
        } catch (IOException e) {
            throw new IllegalStateException("a deployed form is not valid JSON", e);
        }
    }

    /** Fields may sit inside groups; components without a key (texts, spacers) write nothing. */
    private static void collect(JsonNode components, Map<String, FormField> fields) {
        for (JsonNode component : components) {
            String key = component.path("key").asText(null);
            if (key != null && !key.isBlank()) {
                fields.put(key, field(key, component));
            }
            collect(component.path("components"), fields);
        }
    }

    private static FormField field(String key, JsonNode component) {
        List<String> values = new ArrayList<>();
        component.path("values").forEach(option -> values.add(option.path("value").asText()));
        JsonNode validate = component.path("validate");
        return new FormField(key, component.path("type").asText("textfield"),
                component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false),
                List.copyOf(values),
                validate.hasNonNull("min") ? new BigDecimal(validate.get("min").asText()) : null,
                validate.hasNonNull("maxLength") ? validate.get("maxLength").asInt() : null,
                validate.hasNonNull("pattern") ? Pattern.compile(validate.get("pattern").asText()) : null);
    }
}
