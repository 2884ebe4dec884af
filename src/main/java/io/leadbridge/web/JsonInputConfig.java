package io.leadbridge.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads JSON: every string through {@link TextDeserializer}, parse errors that never
 * quote the request body (Jackson's locations leave out the source), and strictly typed: a value
 * is taken only in its own JSON type. {@code 1.5} is no whole number (not cut to 1), {@code "80"}
 * and {@code true} are no numbers, {@code 80} is no text, {@code 1} is no enum constant, and
 * anything after the JSON value is an error, as is a field named twice (which value would count?).
 * Camunda's {@code /engine-rest} reads with its own mapper and is not touched.
 */
@Configuration
class JsonInputConfig {

    @Bean
    Module textRules() {
        return new SimpleModule("leadbridge-text-rules").addDeserializer(String.class, TextDeserializer.SINGLE_LINE);
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer noSourceInErrors() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory()
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION.mappedFeature()));
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigDefaults()
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                });
    }
}
