package io.leadbridge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Every JSON string the API reads passes here: Jackson's own reading, then {@link ControlCharacters}
 * with the field's rule (multi-line where the field says {@link MultiLineText}). A refusal is a
 * {@link BadTextException}, which the API answers with 400 naming the field.
 */
class TextDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {

    static final TextDeserializer SINGLE_LINE = new TextDeserializer(false);
    private static final TextDeserializer MULTI_LINE = new TextDeserializer(true);

    private final boolean multiLine;

    private TextDeserializer(boolean multiLine) {
        this.multiLine = multiLine;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        return property != null && property.getAnnotation(MultiLineText.class) != null ? MULTI_LINE : SINGLE_LINE;
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = ControlCharacters.problem(value, multiLine);
        if (problem != null) {
            throw new BadTextException(p, problem);
        }
        return value;
    }

    /** A JSON string that breaks the text rule; Jackson adds the path to the field. */
    static final class BadTextException extends JsonMappingException {
        BadTextException(JsonParser p, String problem) {
            super(p, problem);
        }
    }
}
