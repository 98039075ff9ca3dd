package org.invisiblebars.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.invisiblebars.platform.validation.InvalidInputException.FieldProblem;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The problem-details answers of every operation of our API, with an example each, written by the
 * same code that writes the real ones ({@link Problems}): 400 naming a field (a path variable, a
 * query parameter, or the body's first property), 404 for an operation on a record, 409 for a
 * change; 401 and 403 come with the roles, from the security configuration. The 413 and 503 every
 * request may get are in docs/api.md, not repeated on each operation.
 */
@Component
public class ProblemResponses implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  static final String FIELD_PROBLEM = "FieldProblem";
  private static final String PROBLEM_JSON = "application/problem+json";

  @Override
  public void customise(OpenAPI api) {
    // here, not with the description's other components: springdoc drops the schemas no operation
    // refers to before the customizers run
    api.getComponents().addSchemas(FIELD_PROBLEM, fieldProblem()).addSchemas(PROBLEM, problem());
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> describe(api, path, method, operation)));
  }

  private static void describe(
      OpenAPI api, String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses = responses(operation);
    firstField(api, operation)
        .ifPresent(
            field ->
                responses.addApiResponse(
                    "400",
                    of(
                        "Invalid input: every field with its problem; nothing was stored",
                        Problems.invalidInput(field.field(), field.problem()),
                        path)));
    if (path.contains("{")) {
      responses.addApiResponse(
          "404",
          of(
              "No such record, or not the caller's to see (another organisation's answers the same)",
              Problems.of(new NotFoundException("the record of " + path)),
              path));
    }
    if (method != PathItem.HttpMethod.GET) {
      responses.addApiResponse(
          "409",
          of(
              "The record's state forbids this, or another request changed it at the same moment",
              ProblemDetail.forStatusAndDetail(
                  HttpStatus.CONFLICT, "The record's state does not allow this now."),
              path));
    }
  }

  /** The responses of an operation, created when it has none yet. */
  public static ApiResponses responses(Operation operation) {
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    return operation.getResponses();
  }

  /** A problem-details answer with {@code example}, answered to a request for {@code path}. */
  public static ApiResponse of(String description, ProblemDetail example, String path) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", example.getType().toString());
    body.put("title", example.getTitle());
    body.put("status", example.getStatus());
    body.put("detail", example.getDetail());
    body.put("instance", path);
    if (example.getProperties() != null) {
      body.putAll(example.getProperties());
    }
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(ref(PROBLEM))).example(body)));
  }

  static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }

  /**
   * What a 400 of the operation would name first: the body's first property, else a path variable,
   * else a query parameter (headers are left out: few requests get them wrong).
   */
  private static Optional<FieldProblem> firstField(OpenAPI api, Operation operation) {
    List<Parameter> parameters =
        operation.getParameters() == null ? List.of() : operation.getParameters();
    Optional<FieldProblem> body =
        operation.getRequestBody() == null || operation.getRequestBody().getContent() == null
            ? Optional.empty()
            : operation.getRequestBody().getContent().values().stream()
                .map(MediaType::getSchema)
                .filter(schema -> schema != null)
                .findFirst()
                .map(schema -> resolve(api, schema))
                .flatMap(
                    schema ->
                        schema.getProperties() == null
                            ? Optional.empty()
                            : schema.getProperties().keySet().stream()
                                .sorted()
                                .findFirst()
                                .map(name -> new FieldProblem(name, "is required")));
    if (body.isPresent()) {
      return body;
    }
    Optional<FieldProblem> variable = parameter(parameters, "path");
    return variable.isPresent() ? variable : parameter(parameters, "query");
  }

  private static Optional<FieldProblem> parameter(List<Parameter> parameters, String in) {
    return parameters.stream()
        .filter(parameter -> in.equals(parameter.getIn()))
        .findFirst()
        .map(parameter -> new FieldProblem(parameter.getName(), "has the wrong type or format"));
  }

  private static Schema<?> resolve(OpenAPI api, Schema<?> schema) {
    if (schema.get$ref() == null) {
      return schema;
    }
    String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
    Schema<?> found = api.getComponents().getSchemas().get(name);
    return found == null ? schema : found;
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
                .items(new Schema<>().$ref(ref(FIELD_PROBLEM)))
                .description("a 400's fields, each with its problem"));
  }
}
