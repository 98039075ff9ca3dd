package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The description of our API: the one served is the one committed in {@code docs/openapi.yaml}, so
 * that a change of contract is seen in review; every operation says who may call it and how it
 * refuses; anyone reads the description and Swagger UI, under the application's own
 * Content-Security-Policy.
 */
class OpenApiContractIT extends IntegrationTest {

  private static final Path COMMITTED = Path.of("docs", "openapi.yaml");
  private static final Path SERVED = Path.of("target", "openapi.yaml");
  private static final Pattern LOCAL_ADDRESS = Pattern.compile("http://localhost:\\d+");

  @Autowired ObjectMapper json;

  @Test
  void theServedDescriptionIsTheCommittedOne() throws IOException {
    ResponseEntity<String> served = rest.getForEntity("/v3/api-docs.yaml", String.class);
    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);

    String actual = normalised(served.getBody());
    String committed =
        Files.exists(COMMITTED)
            ? normalised(Files.readString(COMMITTED, StandardCharsets.UTF_8))
            : "";
    if (!actual.equals(committed)) {
      Files.createDirectories(SERVED.getParent());
      Files.writeString(SERVED, actual, StandardCharsets.UTF_8);
      fail(
          "The API description served at /v3/api-docs.yaml differs from "
              + COMMITTED
              + ". If the change of contract is meant, review it and commit the served one:\n"
              + "  cp "
              + SERVED
              + " "
              + COMMITTED
              + "\n(it was written there by this test).");
    }
  }

  @Test
  void everyOperationHasASummaryItsRolesAndItsProblemAnswers() throws IOException {
    JsonNode api = description();
    List<String> missing = new ArrayList<>();
    api.get("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        operation -> {
                          String name = operation.getKey() + " " + path.getKey();
                          JsonNode o = operation.getValue();
                          if (o.path("summary").asText().isBlank()) {
                            missing.add(name + ": summary");
                          }
                          if (!o.path("description").asText().contains("Roles: ")
                              || !o.path("x-roles").isArray()) {
                            missing.add(name + ": roles");
                          }
                          boolean open = o.path("x-roles").toString().equals("[\"anyone\"]");
                          for (String status : open ? List.<String>of() : List.of("401", "403")) {
                            JsonNode answer =
                                o.path("responses").path(status).path("content").path(PROBLEM);
                            if (!answer.path("schema").path("$ref").asText().endsWith("/Problem")) {
                              missing.add(name + ": " + status);
                            }
                          }
                          if (path.getKey().contains("{")
                              && o.path("responses").path("404").isMissingNode()) {
                            missing.add(name + ": 404");
                          }
                        }));
    assertThat(missing).isEmpty();
    assertThat(api.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
        .endsWith("/FieldProblem");
    assertThat(api.at("/components/schemas/FieldProblem/properties/field").isObject()).isTrue();
    assertThat(api.get("paths").fieldNames())
        .toIterable()
        .isNotEmpty()
        .allMatch(path -> path.startsWith("/api/v1/"), "our API only");
  }

  @Test
  void theRolesAreThoseTheSecurityConfigurationEnforces() throws IOException {
    JsonNode paths = description().get("paths");

    assertThat(roles(paths, "/api/v1/accreditations", "post")).containsExactly("ngo");
    assertThat(roles(paths, "/api/v1/accreditations/{id}/revocation", "post"))
        .containsExactly("director");
    assertThat(roles(paths, "/api/v1/organisations", "post"))
        .containsExactly("ngo-liaison", "camunda-admin");
    assertThat(roles(paths, "/api/v1/organisations/{id}/representatives", "get"))
        .containsExactly("signed-in");
    assertThat(roles(paths, "/api/v1/public/reports", "get")).containsExactly("anyone");
    assertThat(paths.at("/~1api~1v1~1public~1reports/get/security").isEmpty()).isTrue();
  }

  @Test
  void theNgosMainRequestsHaveExamplesAndABadRequestNamesAField() throws IOException {
    JsonNode paths = description().get("paths");

    for (String path : List.of("/api/v1/accreditations", "/api/v1/visits", "/api/v1/reports")) {
      JsonNode post = paths.path(path).path("post");
      assertThat(post.at("/requestBody/content/application~1json/example").isObject())
          .as(path)
          .isTrue();
      JsonNode invalid = post.at("/responses/400/content").path(PROBLEM).path("example");
      assertThat(invalid.at("/errors/0/field").asText()).as(path).isNotBlank();
      assertThat(invalid.path("type").asText()).isEqualTo(Problems.INVALID_INPUT.toString());
    }
  }

  @Test
  void anyoneReadsTheDescriptionAndSwaggerUiUnderOurContentSecurityPolicy() {
    ResponseEntity<String> page = rest.getForEntity("/swagger-ui/index.html", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().get("Content-Security-Policy"))
        .singleElement()
        .asString()
        .contains("script-src 'self';");
    // the policy allows no inline script: every script of the page is a file of its own
    assertThat(page.getBody()).contains("<script src=").doesNotContainPattern("<script>");
    for (String resource :
        List.of(
            "/swagger-ui.html",
            "/swagger-ui/swagger-ui-bundle.js",
            "/swagger-ui/swagger-initializer.js",
            "/swagger-ui/swagger-ui.css",
            "/v3/api-docs/swagger-config",
            "/v3/api-docs")) {
      assertThat(rest.getForEntity(resource, String.class).getStatusCode())
          .as(resource)
          .isEqualTo(HttpStatus.OK);
    }
    ResponseEntity<String> initializer =
        rest.getForEntity("/swagger-ui/swagger-initializer.js", String.class);
    assertThat(initializer.getBody()).contains("/v3/api-docs");
    assertThat(initializer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).contains("javascript");
  }

  private static final String PROBLEM = "application/problem+json";

  private JsonNode description() throws IOException {
    ResponseEntity<String> served = rest.getForEntity("/v3/api-docs", String.class);
    assertThat(served.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json.readTree(served.getBody());
  }

  @SuppressWarnings("unchecked")
  private List<String> roles(JsonNode paths, String path, String method) {
    return json.convertValue(paths.path(path).path(method).path("x-roles"), List.class);
  }

  /** Line ends and a trailing newline; the local address should one appear. */
  private static String normalised(String yaml) {
    String text = LOCAL_ADDRESS.matcher(yaml.replace("\r\n", "\n")).replaceAll("http://localhost");
    return text.endsWith("\n") ? text : text + "\n";
  }
}
