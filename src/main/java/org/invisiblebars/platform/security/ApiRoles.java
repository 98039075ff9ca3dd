package org.invisiblebars.platform.security;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.List;
import org.invisiblebars.platform.web.ProblemResponses;
import org.invisiblebars.platform.web.Problems;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Who may call each operation of the API description, read from {@link ApiAccessRules}, the table
 * the security chains enforce, so that the description cannot say otherwise: "Roles: …" ends the
 * operation's description and {@code x-roles} lists the groups ({@code anyone} for the public API,
 * {@code signed-in} for any signed-in user, a use case then scoping NGO users to their own
 * organisation). An operation that needs a sign-in also gets HTTP Basic as its security and the 401
 * and 403 answers.
 *
 * <p>An {@code OpenApiCustomizer} over the finished paths rather than springdoc's {@code
 * OperationCustomizer}: the latter is given the handler method, not the path and method the
 * operation is described under, which is what a rule matches.
 */
@Component
class ApiRoles implements OpenApiCustomizer {

  static final String EXTENSION = "x-roles";
  static final String ANYONE = "anyone";
  static final String SIGNED_IN = "signed-in";

  @Override
  public void customise(OpenAPI api) {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
    // no rule: signed in, as the chain treats a route without one; null groups: anyone
    List<String> groups =
        ApiAccessRules.ruleFor(HttpMethod.valueOf(method.name()), path)
            .orElse(new ApiAccessRules.Rule(HttpMethod.valueOf(method.name()), path, List.of()))
            .groups();
    List<String> roles =
        groups == null ? List.of(ANYONE) : groups.isEmpty() ? List.of(SIGNED_IN) : groups;
    String said =
        groups == null
            ? "Roles: anyone, no sign-in."
            : groups.isEmpty()
                ? "Roles: anyone signed in (an NGO user for its own organisation only)."
                : "Roles: " + String.join(", ", groups) + ".";
    operation.setDescription(
        operation.getDescription() == null || operation.getDescription().isBlank()
            ? said
            : operation.getDescription() + "\n\n" + said);
    operation.addExtension(EXTENSION, roles);
    if (groups == null) {
      operation.setSecurity(List.of());
      return;
    }
    operation.setSecurity(List.of(new SecurityRequirement().addList("basic")));
    ApiResponses responses = ProblemResponses.responses(operation);
    responses.addApiResponse(
        "401",
        ProblemResponses.of(
            "Not signed in, or a wrong password (with a Basic challenge)",
            ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Sign in to do this."),
            path));
    responses.addApiResponse(
        "403",
        ProblemResponses.of(
            "The caller's role may not do this (or an NGO user is bound to no organisation)",
            Problems.forbidden(),
            path));
  }
}
