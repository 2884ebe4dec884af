package io.leadbridge.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description partner CRMs and marketing systems build on ({@code /v3/api-docs},
 * browsable at {@code /swagger-ui.html}; both need a login). docs/api.md explains the rules.
 */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI leadbridgeApi() {
        return new OpenAPI()
                .info(new Info().title("Leadbridge API").version("1")
                        .description("Channel lead management: intake, partners, lead actions, deal registration, "
                                + "routing, reports. "
                                + "HTTP Basic with a Camunda user, or with a partner CRM's clientId:secret. "
                                + "Errors are RFC 9457 problem details; validation errors name each field."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
