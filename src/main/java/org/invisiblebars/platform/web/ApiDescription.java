package org.invisiblebars.platform.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Locale;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The description of our API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}), built
 * by springdoc from the controllers: what it cannot read from them is added here and by the
 * customizers beside it ({@link ProblemResponses}, {@link RequestExamples}, and the roles of each
 * operation from the security configuration's table). The server is {@code /}, this application
 * whatever its address, so that the description is the same wherever it is served and {@code
 * docs/openapi.yaml} can be compared with it.
 */
@Configuration
class ApiDescription {

  /** HTTP Basic with a Camunda user, the only sign-in of our API. */
  static final String BASIC = "basic";

  @Bean
  OpenAPI ourApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Invisible Bars API")
                .version("v1")
                .description(
                    "Our API: the NGO API (accreditations, visits, reports, meetings, incidents),"
                        + " the public register and rules, and the staff's SLA, migration and"
                        + " model-change routes. Sign in with HTTP Basic as a Camunda user; each"
                        + " operation names the roles that may call it. Errors are RFC 9457"
                        + " problem details; a 400 names every field in `errors`. docs/api.md"
                        + " says more."))
        .servers(List.of(new Server().url("/").description("this application")))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description("A Camunda user and its password, on every request")));
  }

  /**
   * Schemas named after the class that declares them when nested ({@code
   * SubmitApplication.Request}, {@code RequestVisit.Request}): by their simple names alone, records
   * of the same name in two use cases would be one schema, and the description would show one of
   * them for both. Replaces springdoc's model resolver for OpenAPI 3.1, built as springdoc builds
   * it but for the names.
   */
  @Bean
  ModelResolver nestedSchemaNames() {
    return new ModelResolver(Json31.mapper(), new NestedTypeNames()).openapi31(true);
  }

  /**
   * Operation ids from the method and path ({@code postAccreditationsIdInformation}), not from the
   * Java method, whose names repeat across controllers and got a counter in the order springdoc met
   * them.
   */
  @Bean
  OpenApiCustomizer operationIds() {
    return api ->
        api.getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach(
                            (method, operation) -> operation.setOperationId(id(method, path))));
  }

  static String id(PathItem.HttpMethod method, String path) {
    StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
    for (String part : path.replaceFirst("^/api/v1/", "").split("[/{}.-]+")) {
      if (!part.isEmpty()) {
        id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return id.toString();
  }

  private static final class NestedTypeNames extends TypeNameResolver {
    @Override
    protected String getNameOfClass(Class<?> type) {
      Class<?> enclosing = type.getEnclosingClass();
      return enclosing == null
          ? super.getNameOfClass(type)
          : getNameOfClass(enclosing) + "." + type.getSimpleName();
    }
  }
}
