package io.leadbridge.web;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the API reads JSON: every string through {@link TextDeserializer}, and parse errors that
 * never quote the request body (Jackson's locations leave out the source).
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
}
