package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The process both applications run for the side-by-side figures: three user tasks in a row for the
 * {@code director} group, started with the two variables the Tasklist filters show. One lifecycle
 * is what the probe did: start, then per task query by instance, claim, complete.
 */
final class ThreeTaskProcess {

  static final String KEY = "bench-three-tasks";

  /**
   * The process of the finished instances at volume: a case recorded and closed at once, with the
   * same two variables. Started through the engine, it ends in the same command, so that 100,000 of
   * them fit in the run (a third of what completing a task as well costs); history holds each
   * finished instance with its activities and variables, but no task.
   */
  static final String FINISHED_KEY = "bench-closed-case";

  static final String GROUP = "director";
  static final List<String> TASKS = List.of("Task_First", "Task_Second", "Task_Third");

  /**
   * The request kinds of a lifecycle, and "step": one task's query, claim and complete together.
   */
  static final String START = "start";

  static final String QUERY = "query task";
  static final String CLAIM = "claim";
  static final String COMPLETE = "complete";
  static final String STEP = "human step";
  static final String LIFECYCLE = "lifecycle";

  static final Map<String, Object> START_BODY =
      Map.of(
          "variables",
          Map.of(
              "organisationName",
              Map.of("value", "Benchmark organisation"),
              "facilityName",
              Map.of("value", "Central Prison")));

  private ThreeTaskProcess() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(KEY)
        .name("Benchmark: three tasks")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_CaseOpened")
        .name("Case opened")
        .userTask(TASKS.get(0))
        .name("Handle first step")
        .camundaCandidateGroups(GROUP)
        .userTask(TASKS.get(1))
        .name("Handle second step")
        .camundaCandidateGroups(GROUP)
        .userTask(TASKS.get(2))
        .name("Handle third step")
        .camundaCandidateGroups(GROUP)
        .endEvent("EndEvent_CaseClosed")
        .name("Case closed")
        .done();
  }

  static BpmnModelInstance finishedCaseModel() {
    return Bpmn.createExecutableProcess(FINISHED_KEY)
        .name("Benchmark: closed case")
        .camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_CaseRecorded")
        .name("Case recorded")
        .endEvent("EndEvent_CaseClosed")
        .name("Case closed")
        .done();
  }

  /**
   * Deploys both models through the engine REST API as {@code deployer} (an administrator, whose
   * deployment is live at once), once.
   */
  static void deploy(Caller deployer) {
    String boundary = "bench" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    part(body, boundary, "deployment-name", null, KEY);
    part(body, boundary, "enable-duplicate-filtering", null, "true");
    part(body, boundary, "deployment-source", null, "benchmark");
    part(body, boundary, "data", KEY + ".bpmn", Bpmn.convertToString(model()));
    part(
        body, boundary, "data2", FINISHED_KEY + ".bpmn", Bpmn.convertToString(finishedCaseModel()));
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    deployer.multipart("/engine-rest/deployment/create", boundary, body.toByteArray()).json();
  }

  private static void part(
      ByteArrayOutputStream body, String boundary, String name, String fileName, String content) {
    String header =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\""
            + (fileName == null
                ? ""
                : "; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream")
            + "\r\n\r\n";
    body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
    body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * On ours an administrator lets the director group start this process (directors may only read
   * definitions otherwise); its tasks they read and work on as candidates, like any other.
   */
  static void allowDirectorsToStart(Caller admin) {
    admin
        .post(
            "/engine-rest/authorization/create",
            Map.of(
                "type",
                1,
                "permissions",
                List.of("READ", "CREATE_INSTANCE"),
                "groupId",
                GROUP,
                "resourceType",
                6,
                "resourceId",
                KEY))
        .json();
    admin
        .post(
            "/engine-rest/authorization/create",
            Map.of(
                "type",
                1,
                "permissions",
                List.of("CREATE"),
                "groupId",
                GROUP,
                "resourceType",
                8,
                "resourceId",
                "*"))
        .json();
  }

  /**
   * One lifecycle as {@code caller}, recording each request's time and the lifecycle's since {@code
   * begin} ({@link System#nanoTime()}: now, or when it was due to arrive); false at the first
   * failure (which is recorded under its kind). With {@code counted}, each request's statements
   * too.
   */
  static boolean run(Caller caller, Latencies latencies, StatementTally counted, long begin) {
    Caller.Answer started =
        caller.post("/engine-rest/process-definition/key/" + KEY + "/start", START_BODY);
    if (!tally(latencies, counted, START, started)) {
      return false;
    }
    String instance = started.json().get("id").asText();
    for (int i = 0; i < TASKS.size(); i++) {
      long step = System.nanoTime();
      Caller.Answer found = caller.get("/engine-rest/task?processInstanceId=" + instance);
      if (!tally(latencies, counted, QUERY, found)) {
        return false;
      }
      JsonNode tasks = found.json();
      if (tasks.size() != 1) {
        latencies.record(QUERY, found.nanos(), false);
        return false;
      }
      String task = tasks.get(0).get("id").asText();
      if (!tally(
              latencies,
              counted,
              CLAIM,
              caller.post("/engine-rest/task/" + task + "/claim", Map.of("userId", caller.user())))
          || !tally(
              latencies,
              counted,
              COMPLETE,
              caller.post("/engine-rest/task/" + task + "/complete", Map.of()))) {
        return false;
      }
      latencies.record(STEP, System.nanoTime() - step, true);
    }
    latencies.record(LIFECYCLE, System.nanoTime() - begin, true);
    return true;
  }

  private static boolean tally(
      Latencies latencies, StatementTally counted, String kind, Caller.Answer answer) {
    if (counted != null) {
      counted.after(kind);
    }
    return latencies.record(kind, answer);
  }
}
