package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Spring's error path, {@code /error}, where refusals that no controller answered are written as
 * problem details (found by the authorization matrix, whose inventory lists it as a route). Asked
 * for directly it is nothing to anyone: 404, not the 500 "something went wrong on our side" of an
 * error that never happened. A refused multipart request (a deployment from Camunda Modeler without
 * credentials) gets problem details too, where it got Tomcat's HTML page because rendering the
 * error tried to read the multipart body and failed.
 */
class ErrorProblemDetailsIT extends IntegrationTest {

  private static final String BOUNDARY = "error-path-boundary";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theErrorPathAskedForDirectlyIsNotFound() throws Exception {
    for (String method : List.of("GET", "POST", "DELETE")) {
      for (String credentials : new String[] {null, "martha:demo", "admin:demo"}) {
        HttpResponse<String> error = send(method, "/error", credentials, null, null);
        assertThat(error.statusCode())
            .as(method + " /error as " + credentials + ": " + error.body())
            .isEqualTo(404);
        assertProblem(error, 404);
      }
    }
  }

  @Test
  void aRefusedMultipartRequestIsAnsweredWithProblemDetails() throws Exception {
    String deployment =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nrefused\r\n--"
            + BOUNDARY
            + "--\r\n";
    String type = "multipart/form-data; boundary=" + BOUNDARY;
    HttpResponse<String> anonymous =
        send("POST", "/engine-rest/deployment/create", null, type, deployment);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertProblem(anonymous, 401);
    HttpResponse<String> wrongPassword =
        send("POST", "/engine-rest/deployment/create", "paula:not-her-password", type, deployment);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertProblem(wrongPassword, 401);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.headers().firstValue("Content-Type"))
        .as(response.body())
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.body())
        .contains("\"status\":" + status)
        .doesNotContain("<html", "Tomcat", "Exception");
  }

  private HttpResponse<String> send(
      String method, String path, String credentials, String contentType, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Accept", "application/json")
            // an address of its own: the wrong password must not count against the other tests'
            // local address
            .header("X-Forwarded-For", "198.51.100.70")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
