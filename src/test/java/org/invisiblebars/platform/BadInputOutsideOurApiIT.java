package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.RawHttp;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input where our API's validation does not reach: the engine REST API (a weak password, a 50
 * MB body, JSON nested 100,000 deep, text the database cannot store), the web applications'
 * first-run setup on paths that are not written the usual way, and sign-in with names no user has.
 * Each answers 4xx as RFC 9457 problem details, never 500 and never with a parser's or the engine's
 * exception text, and leaves no user behind.
 */
class BadInputOutsideOurApiIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final List<String> LEAKS =
      List.of(
          "exception",
          "jackson",
          "nesting depth",
          "streamreadconstraints",
          "end-of-input",
          "org.camunda",
          "org.postgresql",
          "java.",
          "sql");

  @Autowired IdentityService identityService;
  @Autowired ObjectMapper json;

  @Test
  void aPasswordAgainstThePolicyIsRefusedNamingTheField() throws Exception {
    String user = "weak" + RUN;
    ResponseEntity<String> refused =
        post(
            "admin",
            "/engine-rest/user/create",
            Map.of(
                "profile",
                    Map.of(
                        "id",
                        user,
                        "firstName",
                        "Wes",
                        "lastName",
                        "Weak",
                        "email",
                        "wes@ngo.example"),
                "credentials", Map.of("password", "abc")));

    JsonNode problem = problem(refused, 400);
    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactly("credentials.password");
    assertThat(problem.toString()).contains("10 characters");
    assertThat(identityService.createUserQuery().userId(user).count()).isZero();

    String strong = "Strong-Password-" + RUN + "!";
    assertThat(
            post(
                    "admin",
                    "/engine-rest/user/create",
                    Map.of(
                        "profile",
                            Map.of(
                                "id",
                                user,
                                "firstName",
                                "Wes",
                                "lastName",
                                "Weak",
                                "email",
                                "wes@ngo.example"),
                        "credentials", Map.of("password", strong)))
                .getStatusCode()
                .value())
        .isEqualTo(204);
    ResponseEntity<String> weakChange =
        put(
            "admin",
            "/engine-rest/user/" + user + "/credentials",
            Map.of("password", "abc", "authenticatedUserPassword", "demo"));
    assertThat(problem(weakChange, 400).path("errors").findValuesAsText("field"))
        .containsExactly("password");
    identityService.deleteUser(user);
  }

  @Test
  void anIdTheEnginesPatternRefusesIsBadInputNamingTheField() throws Exception {
    String user = "dash-" + RUN;
    JsonNode refused =
        problem(
            post(
                "admin",
                "/engine-rest/user/create",
                Map.of(
                    "profile", Map.of("id", user, "firstName", "Dee", "lastName", "Dash"),
                    "credentials", Map.of("password", "Strong-Password-" + RUN + "!"))),
            400);
    assertThat(refused.path("errors").findValuesAsText("field")).containsExactly("profile.id");
    assertThat(refused.toString()).contains("letters and digits");
    assertThat(identityService.createUserQuery().userId(user).count()).isZero();

    JsonNode group =
        problem(
            post(
                "admin",
                "/engine-rest/group/create",
                Map.of("id", "Upper Case " + RUN, "name", "Bad", "type", "WORKFLOW")),
            400);
    assertThat(group.path("errors").findValuesAsText("field")).containsExactly("id");
  }

  @Test
  void aBodyOfFiftyMegabytesIsRefusedOnItsDeclaredLength() throws Exception {
    for (String path :
        List.of("/engine-rest/user/create", "/engine-rest/task", "/api/v1/organisations")) {
      RawHttp.Answer answer =
          RawHttp.declaring(
              port,
              "POST",
              path,
              "admin:demo",
              "application/json",
              50L * 1024 * 1024,
              "{\"profile\": {\"firstName\": \"".getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as(path).isEqualTo(413);
      assertProblem(path, answer.headers().get("content-type"), answer.body(), 413);
    }
  }

  @Test
  void aChunkedBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
    for (String path : List.of("/engine-rest/user/create", "/api/v1/organisations")) {
      RawHttp.Answer answer =
          RawHttp.chunked(
              port,
              "POST",
              path,
              "admin:demo",
              "application/json",
              BadInputIT.BODY_LIMIT + 64 * 1024,
              (byte) ' ');
      assertThat(answer.status()).as(path).isEqualTo(413);
      assertProblem(path, answer.headers().get("content-type"), answer.body(), 413);
    }
    RawHttp.Answer blank =
        RawHttp.chunked(
            port,
            "POST",
            "/engine-rest/task/count",
            "martha:demo",
            "application/json",
            10,
            (byte) ' ');
    assertThat(blank.status())
        .as("a small chunked body reaches the engine, which wants JSON")
        .isEqualTo(400);
    assertThat(
            assertProblem("blank", blank.headers().get("content-type"), blank.body(), 400)
                .path("detail")
                .asText())
        .contains("must be a JSON object");
  }

  @Test
  void jsonNestedAHundredThousandDeepIsRefusedWithoutTheParsersText() throws Exception {
    String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
    String deepInAField = "{\"profile\":" + deep + "}";
    for (String path :
        List.of("/engine-rest/user/create", "/engine-rest/task", "/engine-rest/process-instance")) {
      problem(post("admin", path, deep), 400);
      problem(post("admin", path, deepInAField), 400);
    }
  }

  @Test
  void malformedJsonWrongTypesAndMissingBodiesOnTheEngineApiAreRefusedWithoutTheParsersText()
      throws Exception {
    assertThat(post("martha", "/engine-rest/task/count", "").getStatusCode().value())
        .as("no body: every task")
        .isEqualTo(200);
    problem(post("martha", "/engine-rest/task/count", "   "), 400);
    problem(post("admin", "/engine-rest/process-definition/key/report-review/start", "null"), 400);
    problem(post("admin", "/engine-rest/user/create", "{\"profile\":"), 400);
    problem(post("admin", "/engine-rest/user/create", "[]"), 400);
    problem(post("martha", "/engine-rest/task", "{\"maxPriority\": \"high\"}"), 400);
  }

  @Test
  void textTheDatabaseCannotStoreIsRefusedByTheEngineApi() throws Exception {
    String user = "nul" + RUN;
    problem(
        post(
            "admin",
            "/engine-rest/user/create",
            Map.of(
                "profile", Map.of("id", user, "firstName", "N\u0000L", "lastName", "Nul"),
                "credentials", Map.of("password", "Strong-Password-" + RUN + "!"))),
        400);
    problem(
        post(
            "admin",
            "/engine-rest/user/create",
            Map.of(
                "profile", Map.of("id", user, "firstName", "L".repeat(10_000), "lastName", "Long"),
                "credentials", Map.of("password", "Strong-Password-" + RUN + "!"))),
        400);
    assertThat(identityService.createUserQuery().userId(user).count()).isZero();

    ResponseEntity<String> query =
        as("martha").getForEntity("/engine-rest/task?assignee={a}", String.class, "ma\u0000rtha");
    problem(query, 400);
  }

  @Test
  void theWebApplicationsEngineApiAnswersTheSame() throws Exception {
    WebappSession admin = new WebappSession(baseUrl());
    assertThat(admin.login("admin", "demo", "admin")).isEqualTo(200);
    String engineApi = "/camunda/api/engine/engine/default";
    var weak =
        admin.postJson(
            engineApi + "/user/create",
            "{\"profile\": {\"id\": \"weak"
                + RUN
                + "w\", \"firstName\": \"W\","
                + " \"lastName\": \"W\"}, \"credentials\": {\"password\": \"abc\"}}");
    assertThat(weak.statusCode()).as(weak.body()).isEqualTo(400);
    assertProblem(
        "weak password", weak.headers().firstValue("content-type").orElse(null), weak.body(), 400);
    var deep =
        admin.postJson(engineApi + "/task", "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
    assertThat(deep.statusCode()).as(deep.body()).isEqualTo(400);
    assertProblem("deep", deep.headers().firstValue("content-type").orElse(null), deep.body(), 400);
    assertThat(admin.postJson(engineApi + "/task/count", "{}").statusCode())
        .as("a good query still works")
        .isEqualTo(200);
  }

  @Test
  void theFirstRunSetupIsRefusedHoweverItsPathIsWritten() {
    String intruder = "intruder" + RUN;
    String body =
        "{\"profile\":{\"id\":\""
            + intruder
            + "\"},\"credentials\":{\"password\":\"Intruder-Pass-2026!\"}}";
    for (String path :
        List.of(
            "/camunda/api//admin/setup/default/user/create",
            "//camunda/api/admin/setup/default/user/create",
            "/camunda//api/admin/setup/default/user/create",
            "/camunda/api/admin//setup/default/user/create",
            "/camunda/api/admin/setup//default/user/create",
            "/camunda/api/%61dmin/setup/default/user/create",
            "/camunda/api/admin;x=y/setup/default/user/create",
            "/camunda/api/admin/./setup/default/user/create",
            "/camunda/api/admin/x/../setup/default/user/create",
            "/camunda/api/ADMIN/setup/default/user/create")) {
      RawHttp.Answer answer =
          RawHttp.declaring(
              port,
              "POST",
              path,
              null,
              "application/json",
              body.getBytes(StandardCharsets.UTF_8).length,
              body.getBytes(StandardCharsets.UTF_8));
      assertThat(answer.status()).as(path + "\n" + answer.body()).isIn(403, 404);
    }
    assertThat(identityService.createUserQuery().userId(intruder).count()).isZero();
  }

  @Test
  void pathsNotWrittenTheUsualWayAreRefusedWithProblemDetails() throws Exception {
    for (String path :
        List.of(
            "/api//v1/facilities",
            "/api/v1//facilities",
            "/engine-rest//task",
            "/camunda/api//engine/engine/default/task",
            "/api/v1/facilities;jsessionid=x",
            "/api/v1/%66acilities")) {
      RawHttp.Answer answer =
          RawHttp.declaring(port, "GET", path, "martha:demo", "application/json", 0, new byte[0]);
      assertThat(answer.status()).as(path + "\n" + answer.body()).isEqualTo(400);
      assertProblem(path, answer.headers().get("content-type"), answer.body(), 400);
    }
  }

  @Test
  void signingInWithANameNoUserCouldHaveFailsLikeAnyWrongPassword() {
    for (String name : List.of("ma\u0000ria", "m".repeat(3_000), "маря", "\u001b[31m")) {
      HttpHeaders credentials = new HttpHeaders();
      credentials.set(
          HttpHeaders.AUTHORIZATION,
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((name + ":demo").getBytes(StandardCharsets.UTF_8)));
      ResponseEntity<String> basic =
          rest.exchange(
              "/api/v1/facilities", HttpMethod.GET, new HttpEntity<>(credentials), String.class);
      assertThat(basic.getStatusCode().value())
          .as("HTTP Basic as " + name.length() + " characters")
          .isEqualTo(401);
      WebappSession tasklist = new WebappSession(baseUrl());
      assertThat(tasklist.login(name, "demo", "tasklist")).as("Tasklist sign-in").isIn(401, 403);
    }
    // Tomcat reads at most 8 KiB of headers
    assertThat(
            rest.withBasicAuth("m".repeat(10_000), "demo")
                .getForEntity("/api/v1/facilities", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  // ------------------------------------------------------------------

  private JsonNode problem(ResponseEntity<String> response, int status) throws Exception {
    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
    MediaType type = response.getHeaders().getContentType();
    return assertProblem("", type == null ? null : type.toString(), response.getBody(), status);
  }

  private JsonNode assertProblem(String what, String contentType, String body, int status)
      throws Exception {
    assertThat(contentType)
        .as(what + ": content type of\n" + body)
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonNode problem = json.readTree(body);
    assertThat(problem.path("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.path("title").asText()).as(what).isNotBlank();
    String lower = body.toLowerCase(Locale.ROOT);
    assertThat(LEAKS).as(what + ": no exception text in\n" + body).noneMatch(lower::contains);
    return problem;
  }

  private ResponseEntity<String> post(String user, String path, Object body) {
    return as(user).postForEntity(path, entity(body), String.class);
  }

  private ResponseEntity<String> put(String user, String path, Object body) {
    return as(user).exchange(path, HttpMethod.PUT, entity(body), String.class);
  }

  private static HttpEntity<Object> entity(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
