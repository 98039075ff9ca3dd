package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** Who exists after start-up, and what each role may do in Camunda. */
class IdentityAndRolesIT extends IntegrationTest {

  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationContext context;
  @Autowired ObjectMapper json;

  @Test
  void demoUsersAreSeededInTheirGroups() {
    Map<String, String> expected =
        Map.of(
            "martha",
            "director",
            "sam",
            "security",
            "lena",
            "ngo-liaison",
            "maria",
            "manager",
            "paula",
            "process-owner",
            "admin",
            "camunda-admin",
            "john",
            "ngo");
    expected.forEach(
        (user, group) ->
            assertThat(identityService.createUserQuery().userId(user).memberOfGroup(group).count())
                .as(user + " in " + group)
                .isEqualTo(1));
    assertThat(identityService.checkPassword("martha", "demo")).isTrue();
  }

  @Test
  void johnRepresentsExactlyOneDemoOrganisation() {
    assertThat(
            jdbc.queryForList(
                "select o.name from organisation_member m join organisation o on o.id = m.organisation_id where m.user_id = 'john'",
                String.class))
        .containsExactly("Prison Watch");
  }

  @Test
  void eachStaffGroupSeesItsOwnQueueOnly() {
    assertThat(filterNames("lena"))
        .contains("My tasks", "My group tasks", "NGO liaison officers queue", "Overdue")
        .doesNotContain("Directors queue", "Security staff queue");
    assertThat(filterNames("martha"))
        .contains("Directors queue")
        .doesNotContain("NGO liaison officers queue");
    assertThat(filterNames("sam"))
        .contains("Security staff queue")
        .doesNotContain("Directors queue");
    assertThat(filterNames("admin"))
        .contains("Directors queue", "Security staff queue", "NGO liaison officers queue");
  }

  @Test
  void filtersShowVariableColumns() throws Exception {
    JsonNode filters = json.readTree(as("lena").getForObject("/engine-rest/filter", String.class));
    for (JsonNode filter : filters) {
      assertThat(filter.at("/properties/variables").findValuesAsText("name"))
          .as(filter.get("name").asText())
          .containsExactly(CaseLabel.REFERENCE, CaseLabel.ORGANISATION, CaseLabel.FACILITY);
    }
  }

  @Test
  void webApplicationsFollowTheRoles() throws Exception {
    assertThat(authorizedApps("martha")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("lena")).contains("tasklist").doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("maria")).contains("tasklist", "cockpit").doesNotContain("admin");
    assertThat(authorizedApps("paula")).doesNotContain("cockpit", "admin");
    assertThat(authorizedApps("admin")).contains("tasklist", "cockpit", "admin");
  }

  @Test
  void managersReadDefinitionsAndHistoryButChangeNothing() {
    assertThat(
            as("maria")
                .getForEntity("/engine-rest/process-definition", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            as("maria")
                .getForEntity("/engine-rest/history/process-instance", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(deploy("maria").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("maria")
                .postForEntity(
                    "/engine-rest/user/create", jsonBody(newUser("mallory")), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void processOwnersDeployFromModelerAndNothingElseOfAdmin() throws Exception {
    ResponseEntity<String> deployment = deploy("paula");
    assertThat(deployment.getStatusCode()).isEqualTo(HttpStatus.OK);
    String deploymentId = json.readTree(deployment.getBody()).get("id").asText();
    try {
      assertThat(
              repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).count())
          .isEqualTo(1);
      assertThat(
              as("paula")
                  .postForEntity(
                      "/engine-rest/user/create", jsonBody(newUser("mallory")), String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(
              as("paula")
                  .postForEntity(
                      "/engine-rest/group/create", jsonBody("{\"id\":\"rogue\"}"), String.class)
                  .getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(deploy("lena").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    } finally {
      repositoryService.deleteDeployment(deploymentId, true);
    }
  }

  @Test
  void seedingTwiceChangesNothing() throws Exception {
    Map<String, Long> before = snapshot();
    List<ApplicationRunner> runners =
        new ArrayList<>(context.getBeansOfType(ApplicationRunner.class).values());
    runners.sort(AnnotationAwareOrderComparator.INSTANCE);
    for (ApplicationRunner runner : runners) {
      runner.run(new DefaultApplicationArguments());
    }
    assertThat(snapshot()).isEqualTo(before);
  }

  private Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("users", identityService.createUserQuery().count());
    counts.put("groups", identityService.createGroupQuery().count());
    counts.put("authorizations", authorizationService.createAuthorizationQuery().count());
    counts.put("filters", filterService.createFilterQuery().count());
    counts.put(
        "memberships", jdbc.queryForObject("select count(*) from act_id_membership", Long.class));
    counts.put(
        "organisations", jdbc.queryForObject("select count(*) from organisation", Long.class));
    counts.put(
        "organisation members",
        jdbc.queryForObject("select count(*) from organisation_member", Long.class));
    return counts;
  }

  private List<String> filterNames(String user) {
    try {
      return json.readTree(as(user).getForObject("/engine-rest/filter", String.class))
          .findValuesAsText("name");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> authorizedApps(String user) throws Exception {
    WebappSession session = new WebappSession(baseUrl());
    assertThat(session.login(user, "demo", "welcome")).isEqualTo(200);
    JsonNode auth = json.readTree(session.get("/camunda/api/admin/auth/user/default").body());
    List<String> apps = new ArrayList<>();
    auth.get("authorizedApps").forEach(app -> apps.add(app.asText()));
    return apps;
  }

  private ResponseEntity<String> deploy(String user) {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_ModelerDeploy"
            targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="modeler-deploy-check" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="StartEvent_Started" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("deployment-name", "modeler-deploy-check");
    body.add("deployment-source", "Camunda Modeler");
    body.add(
        "data",
        new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
          @Override
          public String getFilename() {
            return "modeler-deploy-check.bpmn";
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return as(user)
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
  }

  private static String newUser(String id) {
    return "{\"profile\":{\"id\":\""
        + id
        + "\"},\"credentials\":{\"password\":\"Xq7#Lm2$Vp9!zR\"}}";
  }

  private static HttpEntity<String> jsonBody(String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
