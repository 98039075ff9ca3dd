package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.organisation.domain.OrganisationRepository;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.platform.process.ConfidentialVariables;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The texts a task shows (a visit's risk assessment, a report's content, an application with its
 * vetting and staff views) reach only the groups allowed to read them, by every route of the
 * engine: the engine REST API and the web applications' engine API (task, form, execution,
 * process-instance and variable-instance variables, history, decisions, user operation log), the
 * Tasklist filters and Cockpit's plugin API, and queries filtering by a variable's value, which
 * would otherwise answer yes or no about the text. Each text carries a marker of this run, so a
 * leak anywhere shows up by content, whatever the status.
 */
@ExtendWith({SoftAssertionsExtension.class, OutputCaptureExtension.class})
class ConfidentialVariablesIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String PASSWORD = "Cv4#Jt8$Wq2!nB";
  private static final String ENGINE_REST = "/engine-rest";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
  private static final String COCKPIT_PLUGIN = "/camunda/api/cockpit/plugin/base/default";

  /** Multi-instance bookkeeping, kept in the plain like ids. */
  private static final Set<String> COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  /** A text that appears in no variable: what a value query answers when it learns nothing. */
  private static final String NOWHERE = "%no text has this " + RUN + "%";

  @Autowired ObjectMapper json;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired OrganisationRepository organisations;
  @Autowired RepresentativeRepository representatives;
  @Autowired JdbcTemplate jdbc;
  @Autowired List<HistoryRecordedVariables> recordedVariables;

  /** Every leak a test finds, reported together at its end. */
  @InjectSoftAssertions SoftAssertions softly;

  private final EngineTasks engine = new EngineTasks(this::as);

  @Test
  void aRiskAssessmentIsReadOnlyBySecurityDirectorsAndAdministrators(CapturedOutput log)
      throws Exception {
    String visitMark = "VISIT-" + RUN;
    String overrideMark = "OVERRIDE-" + RUN;
    String monitor = npmUser("npmv" + RUN);
    String assessed = requestVisit(monitor, "Monitoring " + visitMark);
    String overridden = requestVisit(monitor, "Monitoring " + visitMark);
    engine.complete(
        "sam",
        overridden,
        "Task_AssessVisitRisk",
        Map.of(
            "riskDecision",
            "OVERRIDE",
            "risk",
            "HIGH",
            "overrideReasons",
            "Intelligence " + overrideMark));
    String proposal =
        localText("sam", task(assessed, "Task_AssessVisitRisk"), "riskProposal")
            .lines()
            .findFirst()
            .orElseThrow();
    assertThat(proposal).startsWith("Proposed risk:");
    String proposedRisk =
        json.readTree(as("sam").getForObject("/api/v1/visits/" + assessed, String.class))
            .at("/riskAssessment/proposedRisk")
            .asText();
    // A refused completion: the engine logs it, and the log shows the refusal, not the assessment.
    assertThat(
            engine
                .tryComplete(
                    "sam",
                    assessed,
                    "Task_AssessVisitRisk",
                    Map.of("riskDecision", "OVERRIDE", "risk", "HIGH"))
                .getStatusCode()
                .value())
        .isEqualTo(400);
    assertThat(log.getAll())
        .as("the application's log is captured")
        .contains("Reasons for the override: is required");

    for (String reader : List.of("sam", "admin")) {
      assertReads(reader, task(assessed, "Task_AssessVisitRisk"), proposal, visitMark);
    }
    for (String reader : List.of("martha", "admin")) {
      assertReads(reader, task(overridden, "Task_AuthoriseVisit"), overrideMark, visitMark);
    }
    for (String instance : List.of(instance(assessed), instance(overridden))) {
      assertNoRouteShows(
          List.of("maria", "paula", "lena"),
          instance,
          proposal,
          "Proposed risk:",
          overrideMark,
          visitMark);
      assertAnonymousReadsNothing(instance, visitMark, overrideMark, "Proposed risk:");
      assertNothingElseInThePlain(instance, "entry-authorisation");
    }
    for (String user : List.of("maria", "lena", "sam", "martha", "admin")) {
      assertValueQueriesTellNothing(user, instance(assessed), "riskProposal", "%Proposed risk%");
      assertValueQueriesTellNothing(user, instance(assessed), "risk", proposedRisk);
      assertValueQueriesTellNothing(
          user, instance(overridden), "assessmentSummary", "%" + overrideMark + "%");
    }
    assertExportsAndLogShowNone(log, proposal, overrideMark);
  }

  @Test
  void aReportIsReadOnlyInItsReviewNotEvenByAdministrators(CapturedOutput log) throws Exception {
    String mark = "REPORT-" + RUN;
    String reporter = npmUser("npmr" + RUN);
    String report = submitReport(reporter, mark);
    String acknowledge = task(report, "Task_AcknowledgeReport");

    assertReads("martha", acknowledge, mark);
    assertNoRouteShows(List.of("maria", "paula", "lena", "sam", "admin"), instance(report), mark);
    assertNothingElseInThePlain(instance(report), "report-review");
    for (String user : List.of("maria", "lena", "sam", "admin", "martha")) {
      assertValueQueriesTellNothing(user, instance(report), "reportSummary", "%" + mark + "%");
      assertValueQueriesTellNothing(user, instance(report), "recommendation", "%" + mark + "%");
    }
    assertExportsAndLogShowNone(log, mark);

    // The liaison officer reads the report in the review's next task, which is hers.
    engine.complete(
        "martha", report, "Task_AcknowledgeReport", Map.of("responsibleUnit", "Facilities"));
    assertReads("lena", task(report, "Task_HoldCoordinationMeeting"), mark);
  }

  @Test
  void anApplicationItsVettingAndTheStaffViewsStayWithThoseWhoWorkOnIt(CapturedOutput log)
      throws Exception {
    String applicationMark = "APPLICATION-" + RUN;
    String vettingMark = "VETTING-" + RUN;
    String staffMark = "STAFF-" + RUN;
    String accreditation = apply(applicationMark);
    engine.complete(
        "lena",
        accreditation,
        "Task_CheckApplicationCompleteness",
        Map.of("completeness", "COMPLETE"));
    engine.complete(
        "lena", accreditation, "Task_RateAccreditationCriteria", ratings(applicationMark));
    assertReads(
        "sam",
        engine.tasks("sam", accreditation, "Task_VetRepresentatives").get(0).get("id").asText(),
        applicationMark);
    for (JsonNode vetting : engine.tasks("sam", accreditation, "Task_VetRepresentatives")) {
      engine.completeTask(
          "sam",
          vetting.get("id").asText(),
          Map.of("vetting", "CLEARED", "vettingReasons", "Checked " + vettingMark));
    }
    engine.complete(
        "lena", accreditation, "Task_ConsultStaff", Map.of("staffViews", "Welcome " + staffMark));
    // Each branch of the review ends in a job of its own; the join comes once the job executor ran
    // them.
    String decide =
        engine
            .awaitTasks("martha", accreditation, "Task_DecideAccreditation")
            .get(0)
            .get("id")
            .asText();

    for (String reader : List.of("martha", "admin")) {
      assertReads(reader, decide, applicationMark, vettingMark, staffMark);
    }
    assertNoRouteShows(
        List.of("maria", "paula", "lena", "sam"),
        instance(accreditation),
        vettingMark,
        staffMark,
        applicationMark);
    assertNothingElseInThePlain(instance(accreditation), "ngo-accreditation");
    for (String user : List.of("maria", "paula")) {
      softly
          .assertThat(
              as(user).getForObject("/api/v1/accreditations/" + accreditation, String.class))
          .as(user + " on our API")
          .doesNotContain(vettingMark, staffMark);
    }
    for (String user : List.of("maria", "lena", "martha", "admin")) {
      assertValueQueriesTellNothing(
          user, instance(accreditation), "reviewSummary", "%" + vettingMark + "%");
      assertValueQueriesTellNothing(
          user, instance(accreditation), "applicationSummary", "%" + applicationMark + "%");
    }
    assertExportsAndLogShowNone(log, vettingMark, staffMark, applicationMark);
  }

  // ------------------------------------------------------------------ reading

  /**
   * The reader finds every mark in the task's variables, through the engine REST API and through
   * Tasklist's session.
   */
  private void assertReads(String user, String taskId, String... marks) {
    for (Channel channel : List.of(engineRest(user), webapp(user))) {
      for (String path :
          List.of("/task/" + taskId + "/form-variables", "/task/" + taskId + "/variables")) {
        Answer answer = channel.get(path);
        assertThat(answer.status()).as(channel + " " + path).isEqualTo(200);
        assertThat(answer.body()).as(channel + " " + path).contains(marks);
      }
    }
  }

  /**
   * No route of the engine answers any of the users with any of the marks, nor with a server error.
   */
  private void assertNoRouteShows(List<String> users, String instance, String... marks)
      throws Exception {
    List<String> reads = readRoutes(instance);
    for (String user : users) {
      for (Channel channel : List.of(engineRest(user), webapp(user))) {
        for (String path : reads) {
          Answer answer = channel.get(path);
          softly.assertThat(answer.status()).as(channel + " GET " + path).isLessThan(500);
          softly.assertThat(answer.body()).as(channel + " GET " + path).doesNotContain(marks);
        }
        for (Map.Entry<String, String> query : queryRoutes(instance).entrySet()) {
          Answer answer = channel.post(query.getKey(), query.getValue());
          softly
              .assertThat(answer.status())
              .as(channel + " POST " + query.getKey())
              .isLessThan(500);
          softly
              .assertThat(answer.body())
              .as(channel + " POST " + query.getKey())
              .doesNotContain(marks);
        }
        for (String filter : filters(channel)) {
          Answer list =
              channel.postHal(
                  "/filter/" + filter + "/list", "{\"processInstanceId\":\"" + instance + "\"}");
          softly.assertThat(list.status()).as(channel + " filter " + filter).isEqualTo(200);
          softly.assertThat(list.body()).as(channel + " filter " + filter).doesNotContain(marks);
        }
      }
    }
  }

  /**
   * The managers' SLA figures and CSV export, and everything the application logged during the
   * test, carry none of the marks.
   */
  private void assertExportsAndLogShowNone(CapturedOutput log, String... marks) {
    for (String user : List.of("maria", "admin")) {
      for (String path :
          List.of(
              "/api/v1/sla/summary", "/api/v1/sla/breaches?size=500", "/api/v1/sla/task-types")) {
        softly
            .assertThat(as(user).getForObject(path, String.class))
            .as(user + " " + path)
            .doesNotContain(marks);
      }
      HttpHeaders csv = new HttpHeaders();
      csv.setAccept(List.of(MediaType.parseMediaType("text/csv")));
      softly
          .assertThat(
              as(user)
                  .exchange(
                      "/api/v1/sla/breaches?size=500",
                      HttpMethod.GET,
                      new HttpEntity<>(csv),
                      String.class)
                  .getBody())
          .as(user + " CSV export")
          .doesNotContain(marks);
    }
    softly.assertThat(log.getAll()).as("the application's log").doesNotContain(marks);
  }

  /**
   * Without signing in, neither the engine REST API nor the web applications' engine API answers
   * anything.
   */
  private void assertAnonymousReadsNothing(String instance, String... marks) {
    WebappSession anonymous = new WebappSession(baseUrl());
    for (String path : readRoutes(instance)) {
      ResponseEntity<String> rest = this.rest.getForEntity(ENGINE_REST + path, String.class);
      softly.assertThat(rest.getStatusCode().value()).as("anonymous GET " + path).isEqualTo(401);
      softly
          .assertThat(String.valueOf(rest.getBody()))
          .as("anonymous GET " + path)
          .doesNotContain(marks);
      var webapp = anonymous.get(WEBAPP_ENGINE + path);
      softly
          .assertThat(webapp.statusCode())
          .as("anonymous web application GET " + path)
          .isIn(401, 403);
      softly
          .assertThat(webapp.body())
          .as("anonymous web application GET " + path)
          .doesNotContain(marks);
    }
  }

  /**
   * Besides the confidential texts, the instance and its history hold only the variables the
   * process lets history keep (ids, routing flags, dates, the names of the filter columns) and
   * multi-instance counters: no text a form showed or a person submitted stays in the plain.
   */
  private void assertNothingElseInThePlain(String instance, String processKey) {
    Set<String> recorded = recorded(processKey);
    Predicate<String> idOrFlag = name -> recorded.contains(name) || COUNTERS.contains(name);
    softly
        .assertThat(
            jdbc.queryForList(
                "select name_ from act_ru_variable where proc_inst_id_ = ? and type_ not in (?, 'null')",
                String.class,
                instance,
                ConfidentialVariables.NAME))
        .as("plain variables of " + processKey)
        .allMatch(idOrFlag);
    softly
        .assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_varinst where proc_inst_id_ = ?", String.class, instance))
        .as("history of the variables of " + processKey)
        .allMatch(idOrFlag);
    softly
        .assertThat(
            jdbc.queryForList(
                "select name_ from act_hi_detail where proc_inst_id_ = ?", String.class, instance))
        .as("history details of " + processKey)
        .allMatch(idOrFlag);
  }

  /**
   * Queries filtering by the variable's value (engine REST, web applications, Tasklist filters,
   * Cockpit's plugin) answer the same for the real text as for a text that is nowhere: nobody
   * learns the text by asking yes-or-no questions about it.
   */
  private void assertValueQueriesTellNothing(
      String user, String instance, String variable, String value) throws Exception {
    String operator = value.contains("%") ? "like" : "eq";
    for (Channel channel : List.of(engineRest(user), webapp(user))) {
      softly
          .assertThat(valueQueryCounts(channel, instance, variable, operator, value))
          .as(channel + " asking whether " + variable + " " + operator + " " + value)
          .isEqualTo(
              valueQueryCounts(
                  channel,
                  instance,
                  variable,
                  operator,
                  operator.equals("like") ? NOWHERE : NOWHERE.replace("%", "")));
    }
  }

  private List<Long> valueQueryCounts(
      Channel channel, String instance, String variable, String operator, String value)
      throws Exception {
    String condition =
        json.writeValueAsString(Map.of("name", variable, "operator", operator, "value", value));
    String definition =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getProcessDefinitionId();
    List<Long> counts = new ArrayList<>();
    counts.add(
        count(
            channel.post(
                "/variable-instance/count",
                "{\"processInstanceIdIn\":[\""
                    + instance
                    + "\"],\"variableValues\":["
                    + condition
                    + "]}")));
    counts.add(
        count(
            channel.post(
                "/task/count",
                "{\"processInstanceId\":\""
                    + instance
                    + "\",\"taskVariables\":["
                    + condition
                    + "]}")));
    counts.add(
        count(
            channel.post(
                "/task/count",
                "{\"processInstanceId\":\""
                    + instance
                    + "\",\"processVariables\":["
                    + condition
                    + "]}")));
    counts.add(
        count(
            channel.post(
                "/process-instance/count",
                "{\"processInstanceIds\":[\""
                    + instance
                    + "\"],\"variables\":["
                    + condition
                    + "]}")));
    counts.add(
        count(
            channel.post(
                "/execution/count",
                "{\"processInstanceId\":\"" + instance + "\",\"variables\":[" + condition + "]}")));
    counts.add(
        count(
            channel.post(
                "/history/process-instance/count",
                "{\"processInstanceIds\":[\""
                    + instance
                    + "\"],\"variables\":["
                    + condition
                    + "]}")));
    counts.add(
        count(
            channel.post(
                "/history/task/count",
                "{\"processInstanceId\":\""
                    + instance
                    + "\",\"taskVariables\":["
                    + condition
                    + "]}")));
    for (String filter : filters(channel)) {
      counts.add(
          count(
              channel.post(
                  "/filter/" + filter + "/count",
                  "{\"processInstanceId\":\""
                      + instance
                      + "\",\"taskVariables\":["
                      + condition
                      + "]}")));
    }
    if (channel instanceof Webapp) {
      counts.add(
          count(
              channel.postPlugin(
                  "/process-instance/count",
                  "{\"processDefinitionId\":\""
                      + definition
                      + "\",\"variables\":["
                      + condition
                      + "]}")));
    }
    return counts;
  }

  private long count(Answer answer) throws Exception {
    assertThat(answer.status()).as(answer.body()).isLessThan(500);
    JsonNode body = json.readTree(answer.body());
    return body.has("count") ? body.get("count").asLong() : -answer.status();
  }

  /**
   * Every GET of the engine that returns the instance's variables or their traces, below the
   * engine's root.
   */
  private List<String> readRoutes(String instance) {
    List<String> routes =
        new ArrayList<>(
            List.of(
                "/variable-instance?processInstanceIdIn=" + instance,
                "/variable-instance?processInstanceIdIn=" + instance + "&deserializeValues=false",
                "/process-instance/" + instance + "/variables",
                "/task?processInstanceId=" + instance,
                "/history/variable-instance?processInstanceId=" + instance,
                "/history/detail?processInstanceId=" + instance,
                "/history/task?processInstanceId=" + instance,
                "/history/activity-instance?processInstanceId=" + instance,
                "/history/decision-instance?includeInputs=true&includeOutputs=true",
                "/history/user-operation?processInstanceId=" + instance));
    for (Task task : taskService.createTaskQuery().processInstanceId(instance).list()) {
      for (String variables :
          List.of(
              "/variables",
              "/localVariables",
              "/form-variables",
              "/variables?deserializeValues=false")) {
        routes.add("/task/" + task.getId() + variables);
      }
    }
    for (Execution execution :
        runtimeService.createExecutionQuery().processInstanceId(instance).list()) {
      routes.add("/execution/" + execution.getId() + "/localVariables");
    }
    for (VariableInstance variable :
        runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance).list()) {
      routes.add("/variable-instance/" + variable.getId());
      routes.add("/variable-instance/" + variable.getId() + "/data");
      if (!recorded(processKey(instance)).contains(variable.getName())) {
        routes.add("/variable-instance?variableName=" + variable.getName());
        routes.add("/history/variable-instance?variableName=" + variable.getName());
      }
      if (variable.getTaskId() != null) {
        routes.add("/task/" + variable.getTaskId() + "/localVariables/" + variable.getName());
        routes.add("/task/" + variable.getTaskId() + "/variables/" + variable.getName());
      } else {
        routes.add(
            "/execution/" + variable.getExecutionId() + "/localVariables/" + variable.getName());
        routes.add("/process-instance/" + instance + "/variables/" + variable.getName());
      }
    }
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list()) {
      routes.add("/history/variable-instance/" + variable.getId());
    }
    return routes;
  }

  /** The variables the process lets history keep: its ids, routing flags and dates. */
  private Set<String> recorded(String processKey) {
    return recordedVariables.stream()
        .filter(p -> p.processKey().equals(processKey))
        .findFirst()
        .map(HistoryRecordedVariables::recorded)
        .orElse(Set.of());
  }

  private String processKey(String instance) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceId(instance)
        .singleResult()
        .getProcessDefinitionKey();
  }

  /** The POST forms of the variable queries, which Cockpit uses. */
  private Map<String, String> queryRoutes(String instance) {
    Map<String, String> routes = new LinkedHashMap<>();
    routes.put("/variable-instance", "{\"processInstanceIdIn\":[\"" + instance + "\"]}");
    routes.put("/history/variable-instance", "{\"processInstanceId\":\"" + instance + "\"}");
    routes.put("/history/detail", "{\"processInstanceId\":\"" + instance + "\"}");
    return routes;
  }

  /** The Tasklist filters the user may read. */
  private List<String> filters(Channel channel) throws Exception {
    List<String> ids = new ArrayList<>();
    json.readTree(channel.get("/filter").body())
        .forEach(filter -> ids.add(filter.get("id").asText()));
    return ids;
  }

  private String localText(String user, String taskId, String name) throws Exception {
    return json.readTree(
            as(user).getForObject("/engine-rest/task/" + taskId + "/localVariables", String.class))
        .path(name)
        .path("value")
        .asText();
  }

  // ------------------------------------------------------------------ channels

  record Answer(int status, String body) {}

  /**
   * One person reading through one client: the engine REST API or the web applications' session.
   */
  private interface Channel {
    Answer get(String path);

    Answer post(String path, String json);

    /** A Tasklist filter list with its embedded variables, as Tasklist asks for it. */
    Answer postHal(String path, String json);

    default Answer postPlugin(String path, String json) {
      throw new UnsupportedOperationException();
    }
  }

  private Channel engineRest(String user) {
    return new Channel() {
      @Override
      public Answer get(String path) {
        return answer(as(user).getForEntity(ENGINE_REST + path, String.class));
      }

      @Override
      public Answer post(String path, String body) {
        return send(path, body, MediaType.APPLICATION_JSON);
      }

      @Override
      public Answer postHal(String path, String body) {
        return send(path, body, MediaType.parseMediaType("application/hal+json"));
      }

      private Answer send(String path, String body, MediaType accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(accept));
        return answer(
            as(user)
                .exchange(
                    ENGINE_REST + path,
                    HttpMethod.POST,
                    new HttpEntity<>(body, headers),
                    String.class));
      }

      @Override
      public String toString() {
        return user + " on the engine REST API";
      }
    };
  }

  private static Answer answer(ResponseEntity<String> response) {
    return new Answer(response.getStatusCode().value(), String.valueOf(response.getBody()));
  }

  private Channel webapp(String user) {
    WebappSession session = new WebappSession(baseUrl());
    String application = List.of("maria", "admin").contains(user) ? "cockpit" : "tasklist";
    assertThat(session.login(user, "demo", application))
        .as(user + " signs in to " + application)
        .isEqualTo(200);
    return new Webapp(user, application, session);
  }

  /** The web applications' engine API and Cockpit's plugin API, with a signed-in session. */
  private record Webapp(String user, String application, WebappSession session) implements Channel {

    @Override
    public Answer get(String path) {
      return answer(session.get(WEBAPP_ENGINE + path));
    }

    @Override
    public Answer post(String path, String body) {
      return answer(session.postJson(WEBAPP_ENGINE + path, body));
    }

    @Override
    public Answer postHal(String path, String body) {
      return answer(session.postJson(WEBAPP_ENGINE + path, body, "application/hal+json"));
    }

    @Override
    public Answer postPlugin(String path, String body) {
      return answer(session.postJson(COCKPIT_PLUGIN + path, body));
    }

    private static Answer answer(HttpResponse<String> response) {
      return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String toString() {
      return user + " in " + application;
    }
  }

  // ------------------------------------------------------------------ fixture

  private String task(String businessKey, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(businessKey))
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }

  private String instance(String businessKey) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(BusinessKeys.of(businessKey))
        .singleResult()
        .getId();
  }

  /** A new NGO user of the demo's national preventive mechanism, whose mandate is registered. */
  private String npmUser(String userId) {
    User user = identityService.newUser(userId);
    user.setPassword(PASSWORD);
    identityService.saveUser(user);
    identityService.createMembership(userId, "ngo");
    UUID npm = organisations.findByName("National Preventive Mechanism").orElseThrow().getId();
    assertThat(
            as("lena")
                .exchange(
                    "/api/v1/organisations/" + npm + "/members/" + userId,
                    HttpMethod.PUT,
                    null,
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    return userId;
  }

  /** A visit of the mechanism's representatives to Central Prison in five days; its id. */
  private String requestVisit(String monitor, String activity) throws Exception {
    UUID npm = organisations.findByName("National Preventive Mechanism").orElseThrow().getId();
    Instant start =
        LocalDate.now(ZoneOffset.UTC).plusDays(5).atTime(10, 0).toInstant(ZoneOffset.UTC);
    Map<String, Object> request =
        Map.of(
            "facilityId",
            facility("Central Prison"),
            "representativeIds",
            representatives.findByOrganisationId(npm).stream().map(Representative::getId).toList(),
            "windowStart",
            start.toString(),
            "windowEnd",
            start.plusSeconds(3 * 3600).toString(),
            "activity",
            activity,
            "areas",
            List.of(),
            "equipment",
            List.of("LAPTOP"));
    ResponseEntity<String> created =
        rest.withBasicAuth(monitor, PASSWORD)
            .postForEntity("/api/v1/visits", EngineTasks.jsonBody(request), String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    JsonNode visit = json.readTree(created.getBody());
    assertThat(visit.get("status").asText()).isEqualTo("UNDER_REVIEW");
    return visit.get("id").asText();
  }

  /** A report with the allegation flag, so a referral task shows it too; its id. */
  private String submitReport(String reporter, String mark) throws Exception {
    Map<String, Object> report =
        Map.of(
            "title",
            "Segregation " + mark,
            "facilityId",
            facility("Central Prison"),
            "visitsCovered",
            "Visit of 3 March",
            "goodPractices",
            "Clean kitchen " + mark,
            "findings",
            "Cells without light " + mark,
            "allegation",
            true,
            "allegationDetails",
            "A prisoner beaten in the segregation unit " + mark,
            "recommendations",
            List.of(
                Map.of(
                    "text",
                    "Restore the light " + mark,
                    "area",
                    "Living conditions",
                    "priority",
                    "URGENT",
                    "resourceEstimate",
                    "LOW")));
    ResponseEntity<String> created =
        rest.withBasicAuth(reporter, PASSWORD)
            .postForEntity("/api/v1/reports", EngineTasks.jsonBody(report), String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json.readTree(created.getBody()).get("id").asText();
  }

  /**
   * john applies for Prison Watch with the mark in the activity, the SWOT and the partners; the
   * accreditation's id.
   */
  private String apply(String mark) throws Exception {
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("mandateType", "NGO");
    application.put("programmeType", "MONITORING");
    application.put("proposedActivity", "Monitoring " + mark);
    application.put("swot", "Strengths " + mark);
    application.put("partners", "Partners " + mark);
    application.put("sustainabilityMonths", 18);
    application.put("facilityIds", List.of(facility("Central Prison")));
    application.put(
        "representatives", List.of(Map.of("fullName", "Vera Confidant", "role", "Monitor")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set("Idempotency-Key", "confidential-" + RUN);
    ResponseEntity<String> created =
        as("john")
            .postForEntity(
                "/api/v1/accreditations", new HttpEntity<>(application, headers), String.class);
    assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
    return json.readTree(created.getBody()).get("id").asText();
  }

  private static Map<String, Object> ratings(String mark) {
    Map<String, Object> ratings = new LinkedHashMap<>();
    for (String criterion :
        List.of(
            "knowledge",
            "expertise",
            "performance",
            "trackRecord",
            "commitment",
            "funds",
            "reputation")) {
      ratings.put(criterion + "Rating", 4);
      ratings.put(criterion + "Evidence", "Seen " + mark);
    }
    return ratings;
  }

  private String facility(String name) throws Exception {
    for (JsonNode facility :
        json.readTree(as("lena").getForObject("/api/v1/facilities", String.class))) {
      if (facility.get("name").asText().equals(name)) {
        return facility.get("id").asText();
      }
    }
    throw new IllegalStateException("no facility " + name);
  }
}
