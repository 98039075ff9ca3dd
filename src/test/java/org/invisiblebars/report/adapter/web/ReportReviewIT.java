package org.invisiblebars.report.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationRepository;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.MouClauses;
import org.invisiblebars.accreditation.domain.MouRepository;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportSubject;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TasklistBrowser;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Confidential report review through HTTP on PostgreSQL: submission, the confidential period with
 * every role trying every route to the content, extension, waiver, publication or release, and
 * follow-up. The end of the period is reached by moving the report's end into the past and
 * executing the engine's timer job, as the job executor would.
 */
class ReportReviewIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);
  private static final String PASSWORD = "Kq8#Wd3$Rn5!tZ";

  /** Marks the confidential content, so any route that leaks it shows up. */
  private static final String SECRET = "SECRET-" + RUN;

  /** In the allegation only: what the oversight body reads of a report. */
  private static final String ALLEGED = "ALLEGED-" + RUN;

  private static final int REVIEW_DAYS = 14;

  @Autowired ObjectMapper json;
  @Autowired AccreditationRepository accreditations;
  @Autowired MouRepository mous;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;
  @Autowired DecisionLog decisionLog;
  @Autowired HistoryService historyService;

  private static String reporter;
  private static String facility;
  private static String other;

  /**
   * Once: an accredited organisation (active MoU with 14 review days) and its user; another
   * organisation's user.
   */
  @BeforeEach
  void accreditedOrganisation() throws Exception {
    if (reporter != null) {
      return;
    }
    UUID organisation = ngoUser("Report Watch " + RUN, "rw" + RUN);
    facility =
        json.readTree(as("lena").getForObject("/api/v1/facilities", String.class))
            .get(0)
            .get("id")
            .asText();
    Accreditation accreditation =
        new Accreditation(
            new Application(
                organisation,
                MandateType.NGO,
                ProgrammeType.MONITORING,
                null,
                null,
                null,
                "Monitoring visits",
                null,
                null,
                12,
                List.of(UUID.fromString(facility)),
                List.of()),
            "rw" + RUN,
            Instant.now(),
            null);
    accreditation.moveTo(AccreditationStatus.AWAITING_COUNTERSIGNATURE);
    accreditation.activate(LocalDate.now(), 12);
    accreditations.save(accreditation);
    mous.save(
        new Mou(
            accreditation.getId(),
            new MouClauses(
                "m", "r", Set.of(), "d", "h", "p", "a", "e", REVIEW_DAYS, 12, null, false)));
    // Not accredited (john's organisation may be, depending on which tests ran before).
    ngoUser("Other Watch " + RUN, "ow" + RUN);
    other = "ow" + RUN;
    reporter = "rw" + RUN;
  }

  /** An organisation registered by the liaison officer and its NGO user, bound to it. */
  private UUID ngoUser(String name, String user) throws Exception {
    String organisation =
        json.readTree(
                post(
                        as("lena"),
                        "/api/v1/organisations",
                        Map.of("name", name, "mandateType", "NGO"),
                        null)
                    .getBody())
            .get("id")
            .asText();
    assertThat(
            post(
                    as("admin"),
                    "/engine-rest/user/create",
                    Map.of(
                        "profile",
                        Map.of("id", user, "firstName", "Rita", "lastName", "Writer"),
                        "credentials",
                        Map.of("password", PASSWORD)),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    as("admin")
        .exchange("/engine-rest/group/ngo/members/" + user, HttpMethod.PUT, null, String.class);
    assertThat(
            as("lena")
                .exchange(
                    "/api/v1/organisations/" + organisation + "/members/" + user,
                    HttpMethod.PUT,
                    null,
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    return UUID.fromString(organisation);
  }

  @Test
  void badInputIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
    int before = json.readTree(reporter().getForObject("/api/v1/reports", String.class)).size();
    ResponseEntity<String> bad =
        post(
            reporter(),
            "/api/v1/reports",
            Map.of(
                "title",
                " ",
                "facilityId",
                UUID.randomUUID().toString(),
                "recommendations",
                List.of(Map.of("text", "x"))),
            null);

    assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode fields = json.readTree(bad.getBody()).get("errors");
    assertThat(fields.findValuesAsText("field"))
        .contains(
            "title",
            "facilityId",
            "visitsCovered",
            "findings",
            "allegation",
            "recommendations[0].area",
            "recommendations[0].priority",
            "recommendations[0].resourceEstimate");
    ResponseEntity<String> badEnum =
        post(
            reporter(),
            "/api/v1/reports",
            Map.of("recommendations", List.of(Map.of("priority", "SOON"))),
            null);
    assertThat(badEnum.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badEnum.getBody()).contains("recommendations[0].priority");
    assertThat(json.readTree(reporter().getForObject("/api/v1/reports", String.class)))
        .hasSize(before);

    assertThat(
            post(rest.withBasicAuth(other, PASSWORD), "/api/v1/reports", report(false), null)
                .getStatusCode())
        .as("an organisation without accreditation")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(as("martha"), "/api/v1/reports", report(false), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void submissionIsIdempotentAndTheConfidentialPeriodComesFromTheMou() throws Exception {
    ResponseEntity<String> first =
        post(reporter(), "/api/v1/reports", report(false), "idem-" + RUN);
    ResponseEntity<String> again =
        post(reporter(), "/api/v1/reports", report(false), "idem-" + RUN);

    assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = json.readTree(first.getBody());
    assertThat(first.getHeaders().getLocation())
        .hasToString("/api/v1/reports/" + created.get("id").asText());
    assertThat(json.readTree(again.getBody()).get("id")).isEqualTo(created.get("id"));
    assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    assertThat(created.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(created.get("confidentialityDays").asInt()).isEqualTo(REVIEW_DAYS);
    Instant submitted = Instant.parse(created.get("submittedAt").asText());
    assertThat(Instant.parse(created.get("reviewEndsAt").asText()))
        .isEqualTo(submitted.plus(REVIEW_DAYS, ChronoUnit.DAYS));
    assertThat(periodTimer(created.get("id").asText()).getDuedate().toInstant())
        .isEqualTo(submitted.plus(REVIEW_DAYS, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS));
  }

  @Test
  void onlyTheOrganisationDirectorsAndLiaisonOfficersReadAConfidentialReportByAnyRoute()
      throws Exception {
    String id = submit(true);
    String instance =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(id))
            .singleResult()
            .getId();
    String acknowledge = taskFor(id, Element.ACKNOWLEDGE_REPORT, 1);
    String referral = taskId(id, Element.REFER_ALLEGATION);

    // Our API.
    for (TestRestTemplate allowed : List.of(reporter(), as("martha"), as("lena"))) {
      ResponseEntity<String> read = allowed.getForEntity("/api/v1/reports/" + id, String.class);
      assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
      assertThat(read.getBody()).contains(SECRET);
    }
    for (TestRestTemplate otherNgo : List.of(as("john"), rest.withBasicAuth(other, PASSWORD))) {
      for (String path :
          List.of(
              "/" + id,
              "/" + id + "/plan-of-action",
              "/" + id + "/follow-up",
              "/" + id + "/status")) {
        assertThat(otherNgo.getForEntity("/api/v1/reports" + path, String.class).getStatusCode())
            .isEqualTo(HttpStatus.NOT_FOUND);
      }
      assertThat(otherNgo.getForObject("/api/v1/reports", String.class)).doesNotContain(SECRET);
    }
    for (String refused : List.of("sam", "maria", "paula", "olivia")) {
      for (String path :
          List.of(
              "",
              "/" + id,
              "/" + id + "/plan-of-action",
              "/" + id + "/follow-up",
              "/" + id + "/status")) {
        ResponseEntity<String> read =
            as(refused).getForEntity("/api/v1/reports" + path, String.class);
        assertThat(read.getStatusCode()).as(refused + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
      }
    }
    assertThat(rest.getForEntity("/api/v1/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);

    // The public API knows nothing of it yet.
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForObject("/api/v1/public/reports", String.class)).doesNotContain(id);

    // The engine: the form of the director's task shows the report to directors only.
    ResponseEntity<String> directorsForm =
        as("martha").getForEntity("/engine-rest/task/" + acknowledge + "/variables", String.class);
    assertThat(directorsForm.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(directorsForm.getBody()).contains(SECRET);
    String oversightForm =
        as("olivia")
            .getForObject("/engine-rest/task/" + referral + "/form-variables", String.class);
    assertThat(oversightForm)
        .as("the oversight body reads the allegation and which report it is in")
        .contains(ALLEGED, "Remand wing")
        .as("and nothing else of the report")
        .doesNotContain("Overcrowded cells", "Clean kitchen", "Paint the cells");
    assertThat(
            as("martha")
                .getForEntity("/engine-rest/task/" + referral + "/form-variables", String.class)
                .getStatusCode())
        .as("the director, who may be implicated, has no referral task")
        .isEqualTo(HttpStatus.FORBIDDEN);
    List<String> engineRoutes =
        List.of(
            "/engine-rest/task/" + acknowledge + "/variables",
            "/engine-rest/task/" + referral + "/form-variables",
            "/engine-rest/task?processInstanceId=" + instance,
            "/engine-rest/variable-instance?processInstanceIdIn=" + instance,
            "/engine-rest/process-instance/" + instance + "/variables",
            "/engine-rest/execution?processInstanceId=" + instance,
            "/engine-rest/history/variable-instance?processInstanceId=" + instance,
            "/engine-rest/history/detail?processInstanceId=" + instance,
            "/engine-rest/history/task?processInstanceId=" + instance,
            "/engine-rest/history/activity-instance?processInstanceId=" + instance,
            "/engine-rest/history/user-operation?processInstanceId=" + instance);
    for (String user : List.of("sam", "maria", "paula", "lena", "olivia", "oscar")) {
      for (String route : engineRoutes) {
        ResponseEntity<String> read = as(user).getForEntity(route, String.class);
        if (user.equals("olivia")) {
          // her own task shows the report's title (with the secret) and the allegation, no more
          assertThat(read.getBody())
              .as(user + " " + route)
              .doesNotContain("Overcrowded cells", "Clean kitchen", "Paint the cells", "Findings");
          continue;
        }
        assertThat(read.getBody())
            .as(user + " " + route)
            .doesNotContain(SECRET)
            .doesNotContain(ALLEGED)
            .doesNotContain("Findings");
      }
    }
    assertThat(
            as("maria")
                .getForObject("/engine-rest/task?processInstanceId=" + instance, String.class))
        .as("managers do not even see the tasks")
        .isEqualTo("[]");
    for (String route : engineRoutes) {
      assertThat(as("john").getForEntity(route, String.class).getStatusCode())
          .isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(rest.getForEntity(route, String.class).getStatusCode())
          .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    // Cockpit: a manager signed in to it reads through the web applications' engine API.
    WebappSession cockpit = new WebappSession(baseUrl());
    assertThat(cockpit.login("maria", "demo", "cockpit")).isEqualTo(200);
    for (String route : engineRoutes) {
      var read = cockpit.get(route.replace("/engine-rest", "/camunda/api/engine/engine/default"));
      assertThat(read.body())
          .as("Cockpit " + route)
          .doesNotContain(SECRET)
          .doesNotContain("Findings");
    }
    assertThat(
            cockpit
                .postJson(
                    "/camunda/api/engine/engine/default/variable-instance?deserializeValues=false",
                    "{\"processInstanceIdIn\":[\"" + instance + "\"]}")
                .body())
        .isEqualTo("[]");
    assertThat(
            cockpit
                .get(
                    "/camunda/api/engine/engine/default/process-instance?processDefinitionKey="
                        + ReportReviewProcess.KEY)
                .body())
        .as("managers see no report-review instance")
        .isEqualTo("[]");

    // Completing tasks through the engine: the submitted answers reach our tables, not the history.
    assertThat(
            completion(
                    "martha",
                    referral,
                    Map.of("competentBody", "Ombudsman", "referralReference", "OMB-0"))
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    complete(
        "olivia",
        referral,
        Map.of("competentBody", "Ombudsman " + SECRET, "referralReference", "OMB-1"));
    complete("martha", acknowledge, Map.of("responsibleUnit", "Health unit " + SECRET));
    String history =
        as("admin")
                .getForObject(
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance,
                    String.class)
            + as("admin")
                .getForObject(
                    "/engine-rest/history/detail?processInstanceId=" + instance, String.class)
            + as("admin")
                .getForObject(
                    "/engine-rest/history/user-operation?processInstanceId=" + instance,
                    String.class);
    assertThat(history)
        .as("not even an administrator finds content in the history")
        .doesNotContain(SECRET)
        .contains(id);
    JsonNode view = json.readTree(as("martha").getForObject("/api/v1/reports/" + id, String.class));
    assertThat(view.get("allegationReferredAt").isNull()).isFalse();
    assertThat(view.at("/allegationReferral/reference").asText()).isEqualTo("OMB-1");
    assertThat(view.get("recommendations").get(0).get("responsibleUnit").asText())
        .isEqualTo("Health unit " + SECRET);
  }

  @Test
  void engagedAuthoritiesSeeTheReportReleasedToTheNgoWithTheirPlanNotPublishedAndFollowedUp()
      throws Exception {
    String id = submit(false);
    respond(id);
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    endThePeriod(id);

    JsonNode status =
        json.readTree(reporter().getForObject("/api/v1/reports/" + id + "/status", String.class));
    assertThat(status.get("status").asText()).isEqualTo("RELEASED");
    assertThat(status.get("freeToUse").asBoolean()).isTrue();
    assertThat(status.get("freeToUseFrom").isNull()).isFalse();
    assertThat(status.get("releaseReason").asText()).isEqualTo("WITH_RESPONSE");
    assertThat(status.get("releaseStatement").asText())
        .contains("responded with a plan of action, which is attached");
    assertThat(status.get("planOfAction").asText())
        .isEqualTo("/api/v1/reports/" + id + "/plan-of-action");
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .as("released to the NGO, not published by the prison's system")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(rest.getForObject("/api/v1/public/reports", String.class))
        .doesNotContain(id, SECRET);
    JsonNode plan =
        json.readTree(
            reporter().getForObject("/api/v1/reports/" + id + "/plan-of-action", String.class));
    assertThat(plan.get("recommendations").get(0).get("shortTermLowResource").asBoolean()).isTrue();

    // Follow-up at the deadline: in progress with a new deadline, then implemented.
    Job due =
        managementService
            .createJobQuery()
            .processInstanceId(instanceOf(id))
            .activityId(Element.FOLLOW_UP_DUE)
            .singleResult();
    managementService.executeJob(due.getId());
    complete(
        "lena",
        taskId(id, Element.RECORD_FOLLOW_UP),
        Map.of(
            "followUpOutcome",
            "IN_PROGRESS",
            "newDeadline",
            LocalDate.now().plusDays(60).toString(),
            "followUpNotes",
            "Half the cells painted"));
    assertThat(
            json.readTree(
                    reporter().getForObject("/api/v1/reports/" + id + "/follow-up", String.class))
                .get("recommendations")
                .get(0)
                .get("status")
                .asText())
        .isEqualTo("IN_PROGRESS");
    Job again =
        managementService
            .createJobQuery()
            .processInstanceId(instanceOf(id))
            .activityId(Element.FOLLOW_UP_DUE)
            .singleResult();
    assertThat(again.getDuedate().toInstant())
        .isEqualTo(LocalDate.now().plusDays(60).atStartOfDay(ZoneOffset.UTC).toInstant());
    managementService.executeJob(again.getId());
    complete(
        "lena",
        taskId(id, Element.RECORD_FOLLOW_UP),
        Map.of("followUpOutcome", "IMPLEMENTED", "followUpNotes", "All painted"));

    JsonNode followUp =
        json.readTree(
            reporter().getForObject("/api/v1/reports/" + id + "/follow-up", String.class));
    assertThat(followUp.get("closedAt").isNull()).isFalse();
    assertThat(followUp.get("recommendations").get(0).get("status").asText())
        .isEqualTo("IMPLEMENTED");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .count())
        .isZero();
  }

  @Test
  void authoritiesThatDidNotRespondSeeTheReportReleasedToTheNgoWithTheNoResponseStatement()
      throws Exception {
    String id = submit(false);
    // Not even an administrator publishes early through the engine: the report refuses it.
    String timer = periodTimer(id).getId();
    assertThat(
            post(as("admin"), "/engine-rest/job/" + timer + "/execute", null, null)
                .getStatusCode()
                .is2xxSuccessful())
        .isFalse();
    assertThat(
            post(
                    as("admin"),
                    "/engine-rest/message",
                    Map.of(
                        "messageName",
                        ReportReviewProcess.Message.CONFIDENTIALITY_WAIVED,
                        "businessKey",
                        BusinessKeys.of(id)),
                    null)
                .getStatusCode()
                .is2xxSuccessful())
        .isFalse();
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    endThePeriod(id);

    JsonNode released =
        json.readTree(reporter().getForObject("/api/v1/reports/" + id + "/status", String.class));
    assertThat(released.get("status").asText()).isEqualTo("RELEASED");
    assertThat(released.get("releaseReason").asText()).isEqualTo("NO_RESPONSE");
    assertThat(released.get("releaseStatement").asText())
        .isEqualTo(ReportQueries.NO_RESPONSE_STATEMENT);
    assertThat(released.get("freeToUseFrom").isNull()).isFalse();
    assertThat(released.has("planOfAction")).as("no plan to attach").isFalse();
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .as("nothing is published because the authorities did not respond")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            taskService.createTaskQuery().processInstanceBusinessKey(BusinessKeys.of(id)).count())
        .as("the review tasks ended")
        .isZero();
  }

  @Test
  void oneExtensionAppliesOnlyWhenTheNgoAgrees() throws Exception {
    String id = submit(false);
    Instant ends =
        Instant.parse(
            json.readTree(reporter().getForObject("/api/v1/reports/" + id, String.class))
                .get("reviewEndsAt")
                .asText());

    assertThat(
            post(
                    as("sam"),
                    "/api/v1/reports/" + id + "/extension-request",
                    Map.of("days", 10, "reasons", "r"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> tooLong =
        post(
            as("martha"), "/api/v1/reports/" + id + "/extension-request", Map.of("days", 31), null);
    assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(tooLong.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("days", "reasons");
    assertThat(
            post(
                    as("martha"),
                    "/api/v1/reports/" + id + "/extension-request",
                    Map.of("days", 10, "reasons", "The health unit needs the budget decision"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            post(
                    as("martha"),
                    "/api/v1/reports/" + id + "/extension-request",
                    Map.of("days", 5, "reasons", "again"),
                    null)
                .getStatusCode())
        .as("only once")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(periodTimer(id).getDuedate().toInstant())
        .as("not before the NGO agrees")
        .isEqualTo(ends.truncatedTo(ChronoUnit.MILLIS));

    assertThat(
            post(
                    as("john"),
                    "/api/v1/reports/" + id + "/extension-answer",
                    Map.of("agree", true),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    ResponseEntity<String> agreed =
        post(
            reporter(), "/api/v1/reports/" + id + "/extension-answer", Map.of("agree", true), null);
    assertThat(agreed.getStatusCode()).isEqualTo(HttpStatus.OK);
    Instant extended = ends.plus(10, ChronoUnit.DAYS);
    assertThat(Instant.parse(json.readTree(agreed.getBody()).get("reviewEndsAt").asText()))
        .isEqualTo(extended);
    assertThat(periodTimer(id).getDuedate().toInstant())
        .isEqualTo(extended.truncatedTo(ChronoUnit.MILLIS));
    assertThat(
            post(
                    reporter(),
                    "/api/v1/reports/" + id + "/extension-answer",
                    Map.of("agree", false),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);

    String refusedId = submit(false);
    Instant refusedEnds = periodTimer(refusedId).getDuedate().toInstant();
    post(
        as("martha"),
        "/api/v1/reports/" + refusedId + "/extension-request",
        Map.of("days", 30, "reasons", "More time"),
        null);
    ResponseEntity<String> refused =
        post(
            reporter(),
            "/api/v1/reports/" + refusedId + "/extension-answer",
            Map.of("agree", false, "reasons", "We publish as agreed"),
            null);
    assertThat(json.readTree(refused.getBody()).get("extension").get("agreed").asBoolean())
        .isFalse();
    assertThat(periodTimer(refusedId).getDuedate().toInstant()).isEqualTo(refusedEnds);
    assertThat(
            decisionLog.findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                ReportSubject.TYPE, UUID.fromString(refusedId)))
        .extracting(e -> e.getDecision() + ": " + e.getReasons())
        .containsExactly(
            "EXTENSION_REQUESTED: 30 days: More time", "EXTENSION_REFUSED: We publish as agreed");
  }

  @Test
  void onlyTheDirectorsWaiverReleasesEarlyAndPublishesNothing() throws Exception {
    String id = submit(false);
    assertThat(
            post(as("martha"), "/api/v1/reports/" + id + "/waiver", Map.of("reasons", "r"), null)
                .getStatusCode())
        .as("nothing to publish with the report yet")
        .isEqualTo(HttpStatus.CONFLICT);
    respond(id);
    assertThat(
            post(as("lena"), "/api/v1/reports/" + id + "/waiver", Map.of("reasons", "r"), null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(reporter(), "/api/v1/reports/" + id + "/waiver", Map.of("reasons", "r"), null)
                .getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            post(as("martha"), "/api/v1/reports/" + id + "/waiver", Map.of(), null).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);

    assertThat(
            post(
                    as("martha"),
                    "/api/v1/reports/" + id + "/waiver",
                    Map.of("reasons", "Nothing to hide"),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);

    JsonNode status =
        json.readTree(reporter().getForObject("/api/v1/reports/" + id + "/status", String.class));
    assertThat(status.get("status").asText()).isEqualTo("RELEASED");
    assertThat(status.get("releaseReason").asText()).isEqualTo("WAIVED");
    assertThat(status.get("waiverReasons").asText()).isEqualTo("Nothing to hide");
    assertThat(status.get("releaseStatement").asText()).contains("Nothing to hide");
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .as("the director's waiver does not publish without the NGO")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            decisionLog.findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                ReportSubject.TYPE, UUID.fromString(id)))
        .extracting(
            e ->
                e.getTask()
                    + " "
                    + e.getDecision()
                    + ": "
                    + e.getReasons()
                    + " ("
                    + e.getDecidedBy()
                    + ")")
        .containsExactly(
            Element.ACKNOWLEDGE_REPORT
                + " ASSIGNED: Recommendation 1: Facilities | Health (martha)",
            Element.ACKNOWLEDGE_REPORT + " ASSIGNED: Recommendation 2: Budget (martha)",
            "coordination-meeting MEETING_HELD: held on " + LocalDate.now() + " (lena)",
            Element.ANSWER_RECOMMENDATION + " ACCEPTED: Recommendation 1: Cheap | urgent (martha)",
            Element.ANSWER_RECOMMENDATION
                + " REJECTED: Recommendation 2: No budget this year (martha)",
            Element.PREPARE_PLAN_OF_ACTION
                + " PLAN_OF_ACTION: 1: ACCEPTED (Cheap | urgent); 2: REJECTED (No budget this year) (martha)",
            "waiver CONFIDENTIALITY_WAIVED: Nothing to hide (martha)");
  }

  @Test
  void theDirectorAsksForMoreTimeInTasklistAndThePeriodMovesOnlyWhenTheNgoAgrees()
      throws Exception {
    String id = submit(false);
    acknowledgeAndMeet(id);
    answer(id);
    String task = taskId(id, Element.PREPARE_PLAN_OF_ACTION);
    Date before = periodTimer(id).getDuedate();

    ResponseEntity<String> noDays =
        completion(
            "martha", task, Map.of("askForMoreTime", "true", "extensionReasons", "Budget talks"));
    assertThat(noDays.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noDays.getBody()).contains("More days: is required when you ask for more time");
    ResponseEntity<String> tooMany =
        completion(
            "martha",
            task,
            Map.of(
                "askForMoreTime",
                "true",
                "extensionDays",
                "31",
                "extensionReasons",
                "Budget talks"));
    assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooMany.getBody()).contains("More days: must be at most 30");
    complete(
        "martha",
        task,
        Map.of(
            "askForMoreTime",
            "true",
            "extensionDays",
            "20",
            "extensionReasons",
            "Budget talks next week"));

    String again = taskId(id, Element.PREPARE_PLAN_OF_ACTION);
    assertThat(again).as("the plan of action comes back").isNotEqualTo(task);
    assertThat(periodTimer(id).getDuedate())
        .as("nothing moves before the NGO agrees")
        .isEqualTo(before);
    assertThat(
            post(
                    reporter(),
                    "/api/v1/reports/" + id + "/extension-answer",
                    Map.of("agree", true),
                    null)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(periodTimer(id).getDuedate())
        .isEqualTo(Date.from(before.toInstant().plus(20, ChronoUnit.DAYS)));

    ResponseEntity<String> twice =
        completion(
            "martha",
            again,
            Map.of(
                "askForMoreTime",
                "true",
                "extensionDays",
                "5",
                "extensionReasons",
                "Still talking"));
    assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(twice.getBody()).contains("askForMoreTime", "only one is allowed");
  }

  @Test
  void theDirectorWaivesConfidentialityWithThePlanOfActionInTasklist() throws Exception {
    String id = submit(false);
    acknowledgeAndMeet(id);
    answer(id);
    String task = taskId(id, Element.PREPARE_PLAN_OF_ACTION);
    ResponseEntity<String> noReasons =
        completion("martha", task, Map.of("waiveConfidentiality", "true"));
    assertThat(noReasons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(noReasons.getBody())
        .contains("Reasons for releasing early: is required when you waive");
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    complete(
        "martha", task, Map.of("waiveConfidentiality", "true", "waiverReasons", "Nothing to hide"));

    JsonNode status =
        json.readTree(reporter().getForObject("/api/v1/reports/" + id + "/status", String.class));
    assertThat(status.get("releaseReason").asText()).isEqualTo("WAIVED");
    assertThat(status.get("waiverReasons").asText()).isEqualTo("Nothing to hide");
    assertThat(rest.getForEntity("/api/v1/public/reports/" + id, String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            json.readTree(
                    reporter()
                        .getForObject("/api/v1/reports/" + id + "/plan-of-action", String.class))
                .get("recommendations")
                .get(0)
                .get("reasons")
                .asText())
        .as("a bar cuts nothing short")
        .isEqualTo("Cheap | urgent");
    String instance = instanceOf(id);
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId(Element.RELEASED_EARLY_WITH_PLAN)
                .count())
        .as("the flag ended the confidential review")
        .isOne();
    assertThat(
            historyService
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId(Element.CONFIDENTIALITY_WAIVED)
                .count())
        .as("no message was needed")
        .isZero();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .activityIdIn(Element.PREPARE_PLAN_OF_ACTION)
                .count())
        .isZero();
    assertThat(
            decisionLog.findBySubjectTypeAndSubjectIdOrderByDecidedAt(
                ReportSubject.TYPE, UUID.fromString(id)))
        .extracting(e -> e.getDecision() + " (" + e.getDecidedBy() + ")")
        .contains("CONFIDENTIALITY_WAIVED (martha)");
  }

  @Test
  void theDirectorReadsEachRecommendationInItsOwnTaskInTasklistAndAssignsIt() throws Exception {
    String id = submit(false);
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(BusinessKeys.of(id))
                .taskDefinitionKey(Element.ACKNOWLEDGE_REPORT)
                .count())
        .as("one task per recommendation")
        .isEqualTo(2);
    String task = taskFor(id, Element.ACKNOWLEDGE_REPORT, 1);

    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), "martha", "demo");
      browser.await(
          "report-martha-filters",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "My tasks"));
      browser.driver().get(baseUrl() + "/camunda/app/tasklist/default/#/?task=" + task);
      browser.click("report-claim", By.cssSelector("button.claim"));
      browser.await(
          "report-recommendation",
          driver ->
              driver.findElements(By.cssSelector("textarea[readonly]")).stream()
                  .anyMatch(
                      area ->
                          String.valueOf(area.getDomProperty("value"))
                              .contains("Paint the cells")));
      assertThat(browser.driver().findElements(By.cssSelector("textarea[readonly]")))
          .anySatisfy(
              area ->
                  assertThat(area.getDomProperty("value")).contains("Overcrowded cells " + SECRET))
          .anySatisfy(
              area ->
                  assertThat(area.getDomProperty("value"))
                      .contains("Recommendation 1 of 2 (Living conditions, urgent, low resources)")
                      .doesNotContain("Build a new wing"));
      var unit = browser.driver().findElement(By.cssSelector("form input.fjs-input[type='text']"));
      unit.clear();
      unit.sendKeys("Facilities | Health");
      browser.screenshot("acknowledge-report");
      browser.click("report-complete", By.cssSelector("button.btn-primary[ng-click='complete()']"));
      browser.await(
          "report-assigned",
          driver ->
              taskService
                      .createTaskQuery()
                      .processInstanceBusinessKey(BusinessKeys.of(id))
                      .taskDefinitionKey(Element.ACKNOWLEDGE_REPORT)
                      .count()
                  == 1);
    }
    JsonNode view = json.readTree(as("martha").getForObject("/api/v1/reports/" + id, String.class));
    assertThat(view.get("recommendations").get(0).get("responsibleUnit").asText())
        .isEqualTo("Facilities | Health");
    assertThat(view.get("recommendations").get(1).hasNonNull("responsibleUnit"))
        .as("the other waits for its own task")
        .isFalse();
    assertThat(view.hasNonNull("acknowledgedAt")).isTrue();
  }

  private TestRestTemplate reporter() {
    return rest.withBasicAuth(reporter, PASSWORD);
  }

  private Map<String, Object> report(boolean allegation) {
    Map<String, Object> report = new HashMap<>(reportWithoutAllegation(allegation));
    if (allegation) {
      report.put("allegationDetails", "Two prisoners beaten on night shift " + ALLEGED);
    }
    return report;
  }

  private Map<String, Object> reportWithoutAllegation(boolean allegation) {
    return Map.of(
        "title",
        "Remand wing " + SECRET,
        "facilityId",
        facility,
        "visitsCovered",
        "Visits of 3 and 10 November",
        "goodPractices",
        "Clean kitchen",
        "findings",
        "Overcrowded cells " + SECRET,
        "allegation",
        allegation,
        "recommendations",
        List.of(
            Map.of(
                "text",
                "Paint the cells",
                "area",
                "Living conditions",
                "priority",
                "URGENT",
                "resourceEstimate",
                "LOW"),
            Map.of(
                "text",
                "Build a new wing",
                "area",
                "Infrastructure",
                "priority",
                "NON_URGENT",
                "resourceEstimate",
                "HIGH")));
  }

  private String submit(boolean allegation) throws Exception {
    ResponseEntity<String> created = post(reporter(), "/api/v1/reports", report(allegation), null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  /**
   * The authorities engage: assignments, meeting, answers and plan of action, through Tasklist's
   * REST calls.
   */
  private void respond(String id) {
    acknowledgeAndMeet(id);
    answer(id);
    complete("martha", taskId(id, Element.PREPARE_PLAN_OF_ACTION), Map.of());
  }

  /**
   * The director answers each recommendation in its own task: the urgent first one cannot go
   * unanswered nor be accepted without a future deadline; accepted with a bar in its reasons; the
   * second rejected.
   */
  private void answer(String id) {
    String urgent = taskFor(id, Element.ANSWER_RECOMMENDATION, 1);
    ResponseEntity<String> unanswered = completion("martha", urgent, Map.of("answer", "NO_ANSWER"));
    assertThat(unanswered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unanswered.getBody()).contains("Answer: must be given: recommendation 1 is urgent");
    ResponseEntity<String> incomplete =
        completion("martha", urgent, Map.of("answer", "ACCEPTED", "reasons", "Cheap"));
    assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(incomplete.getBody())
        .contains("Action: is required when accepted", "Owner: is required when accepted");
    ResponseEntity<String> past =
        completion(
            "martha",
            urgent,
            Map.of(
                "answer",
                "ACCEPTED",
                "reasons",
                "Cheap | urgent",
                "action",
                "Paint the cells",
                "owner",
                "Head of facilities",
                "deadline",
                LocalDate.now().toString()));
    assertThat(past.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(past.getBody()).contains("must be in the future");
    complete(
        "martha",
        urgent,
        Map.of(
            "answer",
            "ACCEPTED",
            "reasons",
            "Cheap | urgent",
            "action",
            "Paint the cells",
            "owner",
            "Head of facilities",
            "deadline",
            LocalDate.now().plusDays(30).toString()));
    complete(
        "martha",
        taskFor(id, Element.ANSWER_RECOMMENDATION, 2),
        Map.of("answer", "REJECTED", "reasons", "No budget this year"));
  }

  /**
   * The director assigns each recommendation and the liaison officer holds the meeting, through
   * Tasklist's REST calls.
   */
  private void acknowledgeAndMeet(String id) {
    complete(
        "martha",
        taskFor(id, Element.ACKNOWLEDGE_REPORT, 1),
        Map.of("responsibleUnit", "Facilities | Health"));
    complete(
        "martha", taskFor(id, Element.ACKNOWLEDGE_REPORT, 2), Map.of("responsibleUnit", "Budget"));
    complete(
        "lena",
        taskId(id, CoordinationMeetingProcess.Element.HOLD_MEETING),
        Map.of(
            "meetingDate",
            LocalDate.now().toString(),
            "authorityParticipants",
            "Director, head of facilities",
            "ngoParticipants",
            "Rita Writer",
            "meetingMinutes",
            "Agreed to paint"));
  }

  private void endThePeriod(String id) {
    // The period ends: the report's end moves into the past and the timer job runs, as the job
    // executor would run it.
    jdbc.update(
        "update report set review_ends_at = ? where id = ?",
        Timestamp.from(Instant.now().minusSeconds(1)),
        UUID.fromString(id));
    managementService.executeJob(periodTimer(id).getId());
  }

  private Job periodTimer(String id) {
    return managementService
        .createJobQuery()
        .processInstanceId(instanceOf(id))
        .activityId(Element.REVIEW_PERIOD_ENDED)
        .singleResult();
  }

  private String instanceOf(String id) {
    return runtimeService
        .createProcessInstanceQuery()
        .processDefinitionKey(ReportReviewProcess.KEY)
        .processInstanceBusinessKey(BusinessKeys.of(id))
        .singleResult()
        .getId();
  }

  private String taskId(String id, String taskKey) {
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(id))
        .taskDefinitionKey(taskKey)
        .singleResult()
        .getId();
  }

  /** The task of {@code taskKey} for the recommendation at {@code position} (1 for the first). */
  private String taskFor(String id, String taskKey, int position) throws RuntimeException {
    String recommendation;
    try {
      recommendation =
          json.readTree(as("martha").getForObject("/api/v1/reports/" + id, String.class))
              .get("recommendations")
              .get(position - 1)
              .get("id")
              .asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(BusinessKeys.of(id))
        .taskDefinitionKey(taskKey)
        .list()
        .stream()
        .filter(
            t ->
                recommendation.equals(
                    taskService.getVariable(
                        t.getId(), ReportReviewProcess.Variable.RECOMMENDATION_ID)))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  private void complete(String user, String taskId, Map<String, String> fields) {
    ResponseEntity<String> done = completion(user, taskId, fields);
    assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  private ResponseEntity<String> completion(
      String user, String taskId, Map<String, String> fields) {
    Map<String, Object> variables = new HashMap<>();
    fields.forEach((name, value) -> variables.put(name, Map.of("value", value, "type", "String")));
    return post(
        as(user),
        "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", variables),
        null);
  }

  private static ResponseEntity<String> post(
      TestRestTemplate client, String path, Object body, String idempotencyKey) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    if (idempotencyKey != null) {
      headers.set("Idempotency-Key", idempotencyKey);
    }
    return client.postForEntity(path, new HttpEntity<>(body, headers), String.class);
  }
}
