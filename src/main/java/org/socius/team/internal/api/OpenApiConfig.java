package org.socius.team.internal.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

  @Bean
  OpenAPI sociusOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Socius API").version("v1")
            .description("Personal API tokens (Settings → API tokens) authenticate every call: 'Authorization: Bearer soc_…'. "
                + "A token is scoped to one workspace and one role. Lists are cursor-paged: pass 'next' back as 'cursor'. "
                + "Errors are RFC 9457 problem+json; validation errors name the field in 'errors'."))
        .components(new Components().addSecuritySchemes("token",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Personal API token")));
  }
}
