package org.invisiblebars.meeting.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Element;
import org.invisiblebars.meeting.usecase.MeetingSubject;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportSubject;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Coordination meetings and the organisation's comments on the plan of action, through HTTP on
 * PostgreSQL as each role: the organisation (its own meetings and reports), another organisation
 * (404), the liaison officer and the director (every one), a manager (403, and nothing in the
 * engine).
 */
class MeetingApiIT extends IntegrationTest {

  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired DecisionLog decisionLog;

  private Fixtures fixtures;
  private EngineTasks engine;
  private String facility;
  private Ngo ngo;
  private Ngo other;

  @BeforeEach
  void organisations() {
    fixtures = new Fixtures(rest, this::as, taskService);
    engine = new EngineTasks(this::as);
    facility = fixtures.facility("Central Prison");
    ngo = fixtures.registeredMandate("Meeting Mechanism", facility);
    other = fixtures.organisation("Meeting Outsider", "NGO");
  }

  @Test
  void aMeetingTheOrganisationAsksForIsHeldAndEachAgreedActionIsTrackedToDone() {
    LocalDate today = LocalDate.now();
    ResponseEntity<String> asked =
        post(
            fixtures.as(ngo),
            "/api/v1/meetings",
            Map.of(
                "agenda",
                "Before our visit programme: access to the remand wing",
                "plannedFor",
                today.plusDays(3).toString()));
    assertThat(asked.getStatusCode()).as(asked.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode meeting = engine.read(asked.getBody());
    String id = meeting.get("id").asText();
    String reference = meeting.get("reference").asText();
    assertThat(meeting.get("organisationId").asText()).isEqualTo(ngo.organisationId());
    assertThat(meeting.get("askedForByOrganisation").asBoolean()).isTrue();
    assertThat(reference)
        .as("MTG, the year it was called, its number")
        .matches("MTG-\\d{4}-\\d{4,9}")
        .startsWith(
            "MTG-"
                + Instant.parse(meeting.get("calledAt").asText()).atZone(ZoneOffset.UTC).getYear()
                + "-");
    JsonNode byReference =
        engine.read(get(fixtures.as(ngo), "/api/v1/meetings/" + reference.toLowerCase()).getBody());
    assertThat(byReference.get("id").asText()).as("named by its reference").isEqualTo(id);
    assertThat(byReference.get("reference").asText()).isEqualTo(reference);
    assertThat(get(fixtures.as(other), "/api/v1/meetings/" + reference).getStatusCode())
        .as("another organisation's meeting by its reference: as by its id")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(as("lena"), "/api/v1/meetings/MTG-1999-9999").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            engine
                .read(get(as("lena"), "/api/v1/meetings").getBody())
                .findValuesAsText("reference"))
        .contains(reference);

    assertThat(get(fixtures.as(other), "/api/v1/meetings/" + id).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(get(as("maria"), "/api/v1/meetings/" + id).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(as("martha"), "/api/v1/meetings/" + id).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(ids(get(as("lena"), "/api/v1/meetings"))).contains(id);
    assertThat(ids(get(fixtures.as(other), "/api/v1/meetings"))).doesNotContain(id);
    assertThat(engine.tasks("maria", id, Element.HOLD_MEETING))
        .as("managers see no meeting task")
        .isEmpty();
    JsonNode holdTask = engine.tasks("lena", reference, Element.HOLD_MEETING);
    assertThat(holdTask).as("the meeting's reference is its business key").hasSize(1);
    JsonNode labels = localVariables("lena", holdTask.get(0).get("id").asText());
    assertThat(labels.at("/" + CaseLabel.REFERENCE + "/value").asText()).isEqualTo(reference);
    assertThat(labels.at("/" + CaseLabel.ORGANISATION + "/value").asText())
        .isEqualTo(meeting.get("organisationName").asText())
        .startsWith("Meeting Mechanism");
    assertThat(labels.at("/" + CaseLabel.FACILITY + "/value").isNull())
        .as("about no report: no facility")
        .isTrue();

    Map<String, Object> held =
        Map.of(
            "meetingDate",
            today.minusDays(10).toString(),
            "authorityParticipants",
            "Lena Liaison\nMartha Director\n",
            "ngoParticipants",
            "Rita Writer",
            "meetingMinutes",
            "Access to the remand wing agreed for next month",
            "actionToRecord",
            true);
    ResponseEntity<String> future =
        engine.tryComplete(
            "lena",
            id,
            Element.HOLD_MEETING,
            Map.of(
                "meetingDate", today.plusDays(1).toString(),
                "authorityParticipants", "Lena Liaison",
                "ngoParticipants", "Rita Writer",
                "meetingMinutes", "m"));
    assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(future.getBody()).contains("must not be in the future");
    engine.complete("lena", id, Element.HOLD_MEETING, held);

    ResponseEntity<String> stranger =
        engine.tryComplete(
            "lena", id, Element.RECORD_AGREED_ACTION, action("Paint", "Nobody", today, false));
    assertThat(stranger.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(stranger.getBody())
        .contains("must be one of the participants: Lena Liaison, Martha Director, Rita Writer");
    engine.complete(
        "lena",
        id,
        Element.RECORD_AGREED_ACTION,
        action("Send the list of the wing's cells", "rita writer", today.plusDays(7), true));
    engine.complete(
        "lena",
        id,
        Element.RECORD_AGREED_ACTION,
        action("Open the library on Sundays", "Lena Liaison", today.minusDays(1), false));

    JsonNode read = engine.read(get(fixtures.as(ngo), "/api/v1/meetings/" + id).getBody());
    assertThat(read.get("heldOn").asText()).isEqualTo(today.minusDays(10).toString());
    assertThat(read.get("participants").findValuesAsText("name"))
        .containsExactly("Lena Liaison", "Martha Director", "Rita Writer");
    assertThat(read.get("participants").findValuesAsText("side"))
        .containsExactly("AUTHORITIES", "AUTHORITIES", "ORGANISATION");
    JsonNode actions = read.get("actions");
    assertThat(actions.findValuesAsText("owner")).containsExactly("Rita Writer", "Lena Liaison");
    assertThat(actions.findValuesAsText("status")).containsExactly("OPEN", "OVERDUE");
    String ours = actions.get(0).get("id").asText();
    String theirs = actions.get(1).get("id").asText();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey(AgreedActionProcess.KEY)
                .processInstanceBusinessKey(reference)
                .list()
                .stream()
                .map(ProcessInstance::getId)
                .map(
                    instance ->
                        runtimeService.getVariable(
                            instance, AgreedActionProcess.Variable.ACTION_ID)))
        .as("each action tracked on its own under the meeting's reference; the meeting ended")
        .containsExactlyInAnyOrder(ours, theirs);
    JsonNode theirTask = actionTasks("lena", reference, theirs);
    assertThat(theirTask)
        .hasSize(1)
        .allSatisfy(t -> assertThat(t.get("due").asText()).startsWith(today.toString()));
    JsonNode actionLabels = localVariables("lena", theirTask.get(0).get("id").asText());
    assertThat(actionLabels.at("/" + CaseLabel.REFERENCE + "/value").asText())
        .as("an action's task is labelled with its meeting")
        .isEqualTo(reference);
    assertThat(actionLabels.at("/" + CaseLabel.ORGANISATION + "/value").asText())
        .isEqualTo(meeting.get("organisationName").asText());

    String done = "/api/v1/meetings/" + id + "/actions/";
    assertThat(post(fixtures.as(ngo), done + theirs + "/done", Map.of("note", "x")).getStatusCode())
        .as("the organisation records only its own actions")
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(fixtures.as(other), done + ours + "/done", Map.of("note", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post(as("maria"), done + ours + "/done", Map.of("note", "x")).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    ResponseEntity<String> blank = post(fixtures.as(ngo), done + ours + "/done", Map.of());
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(blank.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("note");
    ResponseEntity<String> recorded =
        post(fixtures.as(ngo), done + ours + "/done", Map.of("note", "List sent by e-mail"));
    assertThat(recorded.getStatusCode()).as(recorded.getBody()).isEqualTo(HttpStatus.OK);
    assertThat(
            post(fixtures.as(ngo), done + ours + "/done", Map.of("note", "again")).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(actionTasks("lena", reference, ours))
        .as("recorded through the API, its task is gone")
        .isEmpty();
    assertThat(actionTasks("lena", reference, theirs)).as("the other's stays").hasSize(1);
    assertThat(
            engine
                .completeTask(
                    "lena",
                    theirTask.get(0).get("id").asText(),
                    Map.of("doneNote", "Library open since Sunday"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    JsonNode after = engine.read(get(as("lena"), "/api/v1/meetings/" + id).getBody());
    assertThat(after.get("actions").findValuesAsText("status")).containsExactly("DONE", "DONE");
    assertThat(after.get("actions").findValuesAsText("doneNote"))
        .containsExactly("List sent by e-mail", "Library open since Sunday");
    assertThat(log(MeetingSubject.TYPE, id))
        .containsExactly(
            "MEETING_ASKED_FOR " + ngo.user(),
            "MEETING_HELD lena",
            "ACTION_AGREED lena",
            "ACTION_AGREED lena",
            "ACTION_DONE " + ngo.user(),
            "ACTION_DONE lena");
  }

  @Test
  void theOrganisationCommentsOnEachAnswerAndALaterMeetingShowsTheCommentsBesideTheAnswers() {
    String report = fixtures.report(ngo, facility, "Overcrowded remand wing");
    String comments = "/api/v1/reports/" + report + "/plan-of-action/recommendations/";
    assertThat(
            post(fixtures.as(ngo), comments + "1/comments", Map.of("comment", "Too early"))
                .getStatusCode())
        .as("no answer before the plan of action")
        .isEqualTo(HttpStatus.CONFLICT);

    engine.complete(
        "martha",
        report,
        ReportReviewProcess.Element.ACKNOWLEDGE_REPORT,
        Map.of("responsibleUnit", "Facilities"));
    engine.complete(
        "lena",
        report,
        Element.HOLD_MEETING,
        Map.of(
            "meetingDate", LocalDate.now().toString(),
            "authorityParticipants", "Lena Liaison",
            "ngoParticipants", "Rita Writer",
            "meetingMinutes", "Discussed the wing"));
    JsonNode reviewMeeting =
        engine.read(get(fixtures.as(ngo), "/api/v1/meetings").getBody()).get(0);
    assertThat(reviewMeeting.get("reportId").asText()).isEqualTo(report);
    assertThat(reviewMeeting.get("reportReview").asBoolean()).isTrue();
    engine.complete(
        "martha",
        report,
        ReportReviewProcess.Element.ANSWER_RECOMMENDATION,
        Map.of(
            "answer", "ACCEPTED",
            "reasons", "Cheap",
            "action", "Paint the cells",
            "owner", "Head of facilities",
            "deadline", LocalDate.now().plusDays(30).toString()));
    engine.complete("martha", report, ReportReviewProcess.Element.PREPARE_PLAN_OF_ACTION, Map.of());

    ResponseEntity<String> first =
        post(
            fixtures.as(ngo),
            comments + "1/comments",
            Map.of("comment", "Paint is not enough: ventilation first"));
    assertThat(first.getStatusCode()).as(first.getBody()).isEqualTo(HttpStatus.CREATED);
    post(fixtures.as(ngo), comments + "1/comments", Map.of("comment", "Second round: by winter"));
    ResponseEntity<String> blank =
        post(fixtures.as(ngo), comments + "1/comments", Map.of("comment", " "));
    assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(blank.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("comment");
    assertThat(
            post(fixtures.as(ngo), comments + "9/comments", Map.of("comment", "x")).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    for (String staff : List.of("lena", "martha", "maria")) {
      assertThat(post(as(staff), comments + "1/comments", Map.of("comment", "x")).getStatusCode())
          .as("only the organisation comments: " + staff)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(
            post(fixtures.as(other), comments + "1/comments", Map.of("comment", "x"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    String plan = "/api/v1/reports/" + report + "/plan-of-action";
    for (TestRestTemplate reader : List.of(fixtures.as(ngo), as("lena"), as("martha"))) {
      assertThat(
              engine
                  .read(get(reader, plan).getBody())
                  .get("recommendations")
                  .get(0)
                  .get("comments")
                  .findValuesAsText("comment"))
          .containsExactly("Paint is not enough: ventilation first", "Second round: by winter");
    }
    assertThat(get(as("maria"), plan).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(get(fixtures.as(other), plan).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(log(ReportSubject.TYPE, report))
        .contains(
            "MEETING_HELD lena",
            "ANSWER_COMMENTED " + ngo.user(),
            "ANSWER_COMMENTED " + ngo.user());

    String followUp = fixtures.meeting(ngo, "After the report: the plan of action");
    ResponseEntity<String> aboutTheReport =
        post(
            as("lena"),
            "/api/v1/meetings",
            Map.of(
                "organisationId",
                ngo.organisationId(),
                "reportId",
                report,
                "agenda",
                "The plan of action and the organisation's comments"));
    assertThat(aboutTheReport.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String later = engine.read(aboutTheReport.getBody()).get("id").asText();
    String task = engine.tasks("lena", later, Element.HOLD_MEETING).get(0).get("id").asText();
    JsonNode labels = localVariables("lena", task);
    assertThat(labels.at("/" + CaseLabel.REFERENCE + "/value").asText())
        .isEqualTo(engine.read(aboutTheReport.getBody()).get("reference").asText());
    assertThat(labels.at("/" + CaseLabel.FACILITY + "/value").asText())
        .as("about a report: the report's facility")
        .isEqualTo("Central Prison");
    String shown =
        as("lena").getForObject("/engine-rest/task/" + task + "/variables/report", String.class);
    assertThat(shown)
        .contains("Answer: ACCEPTED", "Paint is not enough: ventilation first", "by winter");
    ResponseEntity<String> toManager =
        as("maria").getForEntity("/engine-rest/task/" + task + "/variables/report", String.class);
    assertThat(toManager.getBody()).doesNotContain("ventilation");
    assertThat(engine.tasks("lena", followUp, Element.HOLD_MEETING).get(0).get("id").asText())
        .isNotEqualTo(task);
    ResponseEntity<String> elsewhere =
        post(
            as("lena"),
            "/api/v1/meetings",
            Map.of(
                "organisationId",
                other.organisationId(),
                "reportId",
                report,
                "agenda",
                "Someone else's report"));
    assertThat(elsewhere.getStatusCode())
        .as("a report of another organisation is bad input naming the field")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(engine.read(elsewhere.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("reportId");
  }

  private static Map<String, Object> action(
      String description, String owner, LocalDate dueOn, boolean another) {
    return Map.of(
        "actionDescription",
        description,
        "actionOwner",
        owner,
        "actionDueOn",
        dueOn.toString(),
        "actionToRecord",
        another);
  }

  /** The tracking task of one agreed action of the meeting {@code reference}, as Tasklist's. */
  private JsonNode actionTasks(String user, String reference, String actionId) {
    return engine.read(
        as(user)
            .getForObject(
                "/engine-rest/task?processInstanceBusinessKey={key}&taskDefinitionKey={task}"
                    + "&processVariables={variable}_eq_{action}",
                String.class,
                reference,
                AgreedActionProcess.Element.RECORD_ACTION_DONE,
                AgreedActionProcess.Variable.ACTION_ID,
                actionId));
  }

  /** The task's local variables as {@code user} reads them through the engine REST API. */
  private JsonNode localVariables(String user, String taskId) {
    return engine.read(
        as(user).getForObject("/engine-rest/task/" + taskId + "/localVariables", String.class));
  }

  private List<String> log(String type, String id) {
    return decisionLog
        .findBySubjectTypeAndSubjectIdOrderByDecidedAt(type, UUID.fromString(id))
        .stream()
        .map(e -> e.getDecision() + " " + e.getDecidedBy())
        .toList();
  }

  private List<String> ids(ResponseEntity<String> list) {
    return engine.read(list.getBody()).findValuesAsText("id");
  }

  private static ResponseEntity<String> get(TestRestTemplate client, String path) {
    return client.getForEntity(path, String.class);
  }

  private static ResponseEntity<String> post(TestRestTemplate client, String path, Object body) {
    return client.postForEntity(path, EngineTasks.jsonBody(body), String.class);
  }
}
