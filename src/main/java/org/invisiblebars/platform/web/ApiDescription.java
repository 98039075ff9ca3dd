package org.invisiblebars.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
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
                        .description("A Camunda user and its password, on every request"))
                .addSchemas(ProblemResponses.FIELD_PROBLEM, fieldProblem())
                .addSchemas(ProblemResponses.PROBLEM, problem()));
  }

  private static Schema<?> fieldProblem() {
    return new ObjectSchema()
        .description("One field of a refused request and what is wrong with it")
        .addProperty(
            "field",
            new StringSchema().description("the field as a path, e.g. representatives[0].fullName"))
        .addProperty("problem", new StringSchema().description("what is wrong, for a person"));
  }

  /** RFC 9457 problem details as {@link Problems} and Spring MVC write them. */
  private static Schema<?> problem() {
    return new ObjectSchema()
        .description("RFC 9457 problem details (application/problem+json)")
        .addProperty(
            "type",
            new StringSchema()
                .format("uri")
                .description("urn:invisible-bars:problem:… or about:blank"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("what happened, for a person"))
        .addProperty("instance", new StringSchema().format("uri").description("the path asked"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref(ProblemResponses.ref(ProblemResponses.FIELD_PROBLEM)))
                .description("a 400's fields, each with its problem"));
  }
}
