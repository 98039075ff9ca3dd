package org.invisiblebars.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.support.AccreditationForms;

/**
 * Our three processes over HTTP as their people drive them, one lifecycle after the other: the NGO
 * through our API, staff through the engine REST API as Tasklist does (a human step: find the task
 * of the case, claim it, complete it with its form's fields). Lifecycles per second and human steps
 * per second; a human step's times against the bare engine's three-task step.
 *
 * <ul>
 *   <li>accreditation: application, completeness, ratings, vetting of each representative, staff
 *       consultation, decision, MoU, countersignature, signature: ACTIVE;
 *   <li>visit (of an organisation accredited above): request, risk, director's authorisation where
 *       the level asks for it, scheduling, acknowledgement of the search notice, the gate (its
 *       timer run by an administrator through the engine API, standing in for the clock),
 *       briefings, check-in of each person, check-out: COMPLETED;
 *   <li>report review: report, acknowledgement, coordination meeting, plan of action with the early
 *       publication the director may choose: PUBLISHED.
 * </ul>
 *
 * <p>The NGO API does not tell an organisation its representatives' ids, which a visit request
 * needs; the benchmark reads them from the vetting tasks as security staff see them.
 */
final class RealProcesses {

  private static final String PASSWORD = "Bench7#Vq2$Lm9!x";
  private static final String FACILITY = "North Women's Prison";

  private final BenchSettings settings;
  private final BenchReport report;
  private final Side ours;
  private final Latencies.Summary bareStep;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private int made;

  /** An organisation whose accreditation is active, its NGO user and its two representatives. */
  private record Accredited(Caller ngo, String organisationId, List<String> people) {}

  RealProcesses(BenchSettings settings, BenchReport report, Side ours, Latencies.Summary bareStep) {
    this.settings = settings;
    this.report = report;
    this.ours = ours;
    this.bareStep = bareStep;
  }

  void run() {
    report.section(
        "Our processes over HTTP as their users drive them, one lifecycle at a time"
            + " (ratio: bare three-task step / ours)");
    String facility = facility();
    List<Accredited> accredited = new ArrayList<>();
    measure("accreditation", latencies -> accredited.add(accreditation(latencies, facility)));
    int[] next = {0};
    measure(
        "visit",
        latencies ->
            visit(latencies, accredited.get(next[0]++ % accredited.size()), facility, next[0]));
    int[] reports = {0};
    measure(
        "report review",
        latencies ->
            reportReview(latencies, accredited.get(reports[0]++ % accredited.size()), facility));
  }

  private interface Lifecycle {
    void run(Steps steps);
  }

  private void measure(String process, Lifecycle lifecycle) {
    Steps steps = new Steps();
    long start = System.nanoTime();
    int done = 0;
    for (int i = 0; i < settings.lifecycles(); i++) {
      long begin = System.nanoTime();
      try {
        lifecycle.run(steps);
        steps.latencies.record("lifecycle", System.nanoTime() - begin, true);
        done++;
      } catch (RuntimeException e) {
        steps.latencies.record("lifecycle", System.nanoTime() - begin, false);
        report.say("%s failed: %s", process, e.getMessage());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Latencies.Summary step = steps.latencies.summary(ThreeTaskProcess.STEP);
    report.say("%s: %d lifecycles in %.1f s, %d human steps", process, done, seconds, step.count());
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("lifecycles", done);
    figures.put("failed", settings.lifecycles() - done);
    figures.put("seconds", seconds);
    figures.put("humanSteps", step.count());
    figures.put("stepsPerLifecycle", done == 0 ? 0 : (double) step.count() / done);
    report.oursOnly(
        process + ": lifecycles per second",
        String.format(
            Locale.ROOT, "%.2f /s (%d failed)", done / seconds, settings.lifecycles() - done),
        Double.NaN,
        figures);
    report.oursOnly(
        process + ": human steps per second",
        String.format(
            Locale.ROOT,
            "%.2f /s (%.0f a lifecycle)",
            step.count() / seconds,
            done == 0 ? 0 : (double) step.count() / done),
        Double.NaN,
        Map.of("perSecond", step.count() / seconds));
    report.latencies(process + ": human step", bareStep, step);
    for (String kind :
        List.of(
            ThreeTaskProcess.QUERY,
            ThreeTaskProcess.CLAIM,
            ThreeTaskProcess.COMPLETE,
            "NGO API request",
            "lifecycle")) {
      report.latencies(
          process + ": " + kind, Latencies.Summary.NONE, steps.latencies.summary(kind));
    }
  }

  // ---- accreditation -------------------------------------------------------------------------

  private Accredited accreditation(Steps steps, String facility) {
    Caller ngo = ngoUser();
    String organisation = organisationOf(ngo);
    Map<String, Object> application =
        AccreditationForms.application(
            "Monthly monitoring of detention conditions",
            facility,
            List.of("Ada Monitor", "Ben Doctor"));
    application.put("sustainabilityMonths", 18);
    String id =
        steps
            .ngo(
                ngo.postOnce(
                    "/api/v1/accreditations", application, "bench-" + run + "-" + (++made)))
            .get("id")
            .asText();
    steps.step(
        "lena",
        id,
        AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS,
        Map.of("completeness", "COMPLETE"));
    steps.step(
        "lena",
        id,
        AccreditationProcess.Element.RATE_ACCREDITATION_CRITERIA,
        AccreditationForms.everyCriterionRated(4));
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      steps.step(
          "sam",
          id,
          AccreditationProcess.Element.VET_REPRESENTATIVES,
          Map.of("vetting", "CLEARED", "vettingReasons", "No record"),
          task ->
              people.add(
                  ours.as("sam")
                      .get(
                          "/engine-rest/task/"
                              + task
                              + "/variables/"
                              + AccreditationProcess.Variable.REPRESENTATIVE_ID)
                      .json()
                      .get("value")
                      .asText()));
    }
    steps.step(
        "lena",
        id,
        AccreditationProcess.Element.CONSULT_STAFF,
        Map.of("staffViews", "Wing staff welcome the programme"));
    // approved, with a reason when that goes against the review's recommendation (a facility's
    // liaison capacity fills up after a few organisations, and the recommendation changes); the
    // decision's task comes after the review, once the job executor has joined the vetting
    steps.awaitTasks("martha", id, AccreditationProcess.Element.DECIDE_ACCREDITATION);
    String recommendation =
        ours.as("martha")
            .get("/api/v1/accreditations/" + id)
            .json()
            .at("/review/recommendation")
            .asText();
    Map<String, Object> decision =
        new LinkedHashMap<>(Map.of("decision", "APPROVE", "decisionReasons", "Meets the criteria"));
    if (!"RECOMMEND".equals(recommendation)) {
      decision.put(
          "againstRecommendationReason", "A network is not available to this organisation");
    }
    steps.step("martha", id, AccreditationProcess.Element.DECIDE_ACCREDITATION, decision);
    steps.step("lena", id, AccreditationProcess.Element.DRAFT_MOU, AccreditationForms.mouClauses());
    steps.ngo(ngo.post("/api/v1/accreditations/" + id + "/mou/agreement", Map.of("version", 1)));
    steps.ngo(
        ngo.post(
            "/api/v1/accreditations/" + id + "/countersignature",
            Map.of("signatory", "Ada Monitor")));
    steps.step("martha", id, AccreditationProcess.Element.SIGN_MOU, Map.of("mouSigned", true));
    expect(ngo.get("/api/v1/accreditations/" + id), "status", "ACTIVE");
    return new Accredited(ngo, organisation, people);
  }

  /**
   * A new NGO user and its organisation, as the administrator and a liaison officer set them up
   * (not timed).
   */
  private Caller ngoUser() {
    String user = "bench" + run + (++made);
    ours.as("admin")
        .post(
            "/engine-rest/user/create",
            Map.of(
                "profile",
                Map.of("id", user, "firstName", "Bea", "lastName", "Bench " + made),
                "credentials",
                Map.of("password", PASSWORD)))
        .requireOk();
    ours.as("admin").put("/engine-rest/group/ngo/members/" + user).requireOk();
    return ours.as(user, PASSWORD);
  }

  private String organisationOf(Caller ngo) {
    String organisation =
        ours.as("lena")
            .post(
                "/api/v1/organisations",
                Map.of("name", "Bench Watch " + ngo.user(), "mandateType", "NGO"))
            .json()
            .get("id")
            .asText();
    ours.as("lena")
        .put("/api/v1/organisations/" + organisation + "/members/" + ngo.user())
        .requireOk();
    return organisation;
  }

  // ---- visit ---------------------------------------------------------------------------------

  private void visit(Steps steps, Accredited ngo, String facility, int n) {
    LocalDate day = visitDay(n);
    String start = day.atTime(10, 0).toInstant(ZoneOffset.UTC).toString();
    String end = day.atTime(13, 0).toInstant(ZoneOffset.UTC).toString();
    JsonNode visit =
        steps.ngo(
            ngo.ngo()
                .postOnce(
                    "/api/v1/visits",
                    Map.of(
                        "facilityId",
                        facility,
                        "representativeIds",
                        ngo.people(),
                        "windowStart",
                        start,
                        "windowEnd",
                        end,
                        "activity",
                        "Interviews with prisoners",
                        "areas",
                        List.of(),
                        "equipment",
                        List.of()),
                    "bench-" + run + "-" + (++made)));
    String id = visit.get("id").asText();
    if (!"UNDER_REVIEW".equals(visit.path("status").asText())) {
      throw new IllegalStateException("visit " + id + " is " + visit);
    }
    steps.step(
        "sam", id, EntryProcess.Element.ASSESS_VISIT_RISK, Map.of("riskDecision", "CONFIRM"));
    if (!steps.tasks("martha", id, EntryProcess.Element.AUTHORISE_VISIT).isEmpty()) {
      steps.step(
          "martha",
          id,
          EntryProcess.Element.AUTHORISE_VISIT,
          Map.of("authorisation", "AUTHORISE", "authorisedSearchLevel", "SCREENING"));
    }
    steps.step(
        "lena",
        id,
        EntryProcess.Element.SCHEDULE_VISIT,
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate"));
    for (String person : ngo.people()) {
      steps.ngo(
          ngo.ngo()
              .post(
                  "/api/v1/visits/" + id + "/representatives/" + person + "/acknowledgement",
                  Map.of()));
    }
    String level =
        ngo.ngo().get("/api/v1/visits/" + id).json().get("authorisedSearchLevel").asText();
    openGate(id);
    // the briefings of people who enter for the first time, then each person's check-in
    while (!steps
        .awaitTasks(
            "sam",
            id,
            EntryProcess.Element.HOLD_SECURITY_BRIEFING,
            EntryProcess.Element.CHECK_IN_VISITOR)
        .equals(EntryProcess.Element.CHECK_IN_VISITOR)) {
      steps.step(
          "sam", id, EntryProcess.Element.HOLD_SECURITY_BRIEFING, Map.of("briefingHeld", true));
    }
    for (int i = 0; i < ngo.people().size(); i++) {
      steps.step(
          "sam",
          id,
          EntryProcess.Element.CHECK_IN_VISITOR,
          Map.of("entryOutcome", "ENTERED", "appliedSearchLevel", level));
    }
    steps.step(
        "sam", id, EntryProcess.Element.CHECK_OUT_VISITORS, Map.of("incidentOccurred", false));
    expect(ngo.ngo().get("/api/v1/visits/" + id), "status", "COMPLETED");
  }

  /**
   * The {@code n}-th Tuesday or Thursday from five days on: inside the MoU's days and the
   * facility's hours.
   */
  private static LocalDate visitDay(int n) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
    int found = 0;
    while (true) {
      if (day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY) {
        if (++found == n) {
          return day;
        }
      }
      day = day.plus(1, ChronoUnit.DAYS);
    }
  }

  /**
   * The gate's timer, run now by an administrator through the engine API: the clock's part, not a
   * person's.
   */
  private void openGate(String visitId) {
    Caller admin = ours.as("admin");
    String instance =
        admin
            .get(
                "/engine-rest/process-instance?processDefinitionKey="
                    + EntryProcess.KEY
                    + "&variables="
                    + EntryProcess.Variable.VISIT_ID
                    + "_eq_"
                    + visitId)
            .json()
            .get(0)
            .get("id")
            .asText();
    JsonNode jobs =
        admin
            .get(
                "/engine-rest/job?processInstanceId="
                    + instance
                    + "&activityId="
                    + EntryProcess.Element.GATE_OPENS)
            .json();
    admin
        .post("/engine-rest/job/" + jobs.get(0).get("id").asText() + "/execute", Map.of())
        .requireOk();
  }

  // ---- report review -------------------------------------------------------------------------

  private void reportReview(Steps steps, Accredited ngo, String facility) {
    String id =
        steps
            .ngo(
                ngo.ngo()
                    .postOnce(
                        "/api/v1/reports",
                        Map.of(
                            "title",
                            "Remand wing " + run,
                            "facilityId",
                            facility,
                            "visitsCovered",
                            "Visit of 3 November",
                            "goodPractices",
                            "Clean kitchen",
                            "findings",
                            "Cells are overcrowded",
                            "allegation",
                            false,
                            "recommendations",
                            List.of(
                                Map.of(
                                    "text",
                                    "Paint the cells",
                                    "area",
                                    "Living conditions",
                                    "priority",
                                    "NON_URGENT",
                                    "resourceEstimate",
                                    "LOW"))),
                        "bench-" + run + "-" + (++made)))
            .get("id")
            .asText();
    steps.step(
        "martha",
        id,
        ReportReviewProcess.Element.ACKNOWLEDGE_REPORT,
        Map.of("responsibleUnit", "Facilities"));
    steps.step(
        "lena",
        id,
        CoordinationMeetingProcess.Element.HOLD_MEETING,
        Map.of(
            "meetingDate",
            LocalDate.now(ZoneOffset.UTC).toString(),
            "authorityParticipants",
            "Director, head of facilities",
            "ngoParticipants",
            "Rita Writer",
            "meetingMinutes",
            "Agreed on the plan"));
    steps.step(
        "martha",
        id,
        ReportReviewProcess.Element.ANSWER_RECOMMENDATION,
        Map.of("answer", "REJECTED", "reasons", "No budget this year"));
    steps.step(
        "martha",
        id,
        ReportReviewProcess.Element.PREPARE_PLAN_OF_ACTION,
        Map.of("waiveConfidentiality", "true", "waiverReasons", "Nothing to hide"));
    expect(ngo.ngo().get("/api/v1/reports/" + id + "/status"), "status", "PUBLISHED");
  }

  // ---- shared --------------------------------------------------------------------------------

  private String facility() {
    for (JsonNode facility : ours.as("lena").get("/api/v1/facilities").json()) {
      if (facility.get("name").asText().equals(FACILITY)) {
        return facility.get("id").asText();
      }
    }
    throw new IllegalStateException("no facility " + FACILITY + " in the demo data");
  }

  private static void expect(Caller.Answer answer, String field, String value) {
    JsonNode body = answer.json();
    if (!value.equals(body.path(field).asText())) {
      throw new IllegalStateException(
          answer.request() + ": " + field + " is " + body.path(field).asText() + ", not " + value);
    }
  }

  /** A lifecycle's requests, timed: human steps through the engine API, the NGO's through ours. */
  private final class Steps {

    final Latencies latencies = new Latencies();

    JsonNode ngo(Caller.Answer answer) {
      latencies.record("NGO API request", answer);
      return answer.json();
    }

    JsonNode tasks(String user, String businessKey, String taskKey) {
      return ours.as(user)
          .get(
              "/engine-rest/task?processInstanceBusinessKey="
                  + businessKey
                  + "&taskDefinitionKey="
                  + taskKey)
          .json();
    }

    /**
     * Which of the task keys has a task first (a task after an asynchronous continuation appears a
     * moment later).
     */
    String awaitTasks(String user, String businessKey, String... taskKeys) {
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (System.nanoTime() < deadline) {
        for (String key : taskKeys) {
          if (!tasks(user, businessKey, key).isEmpty()) {
            return key;
          }
        }
        BenchApplication.sleep(50);
      }
      throw new IllegalStateException(
          "none of " + List.of(taskKeys) + " appeared for " + businessKey);
    }

    void step(String user, String businessKey, String taskKey, Map<String, Object> fields) {
      step(user, businessKey, taskKey, fields, task -> {});
    }

    /**
     * One human step: the task of the case found (waiting while the job executor creates it),
     * claimed, and completed with {@code fields}; {@code reading} reads the open task first.
     */
    void step(
        String user,
        String businessKey,
        String taskKey,
        Map<String, Object> fields,
        Consumer<String> reading) {
      Caller caller = ours.as(user);
      String path =
          "/engine-rest/task?processInstanceBusinessKey="
              + businessKey
              + "&taskDefinitionKey="
              + taskKey;
      long deadline = System.nanoTime() + 30_000_000_000L;
      Caller.Answer found = caller.get(path);
      while (found.ok() && found.json().isEmpty() && System.nanoTime() < deadline) {
        BenchApplication.sleep(50);
        found = caller.get(path);
      }
      latencies.record(ThreeTaskProcess.QUERY, found);
      if (found.json().isEmpty()) {
        throw new IllegalStateException(user + " found no " + taskKey + " for " + businessKey);
      }
      String task = found.json().get(0).get("id").asText();
      reading.accept(task);
      long readingTime = System.nanoTime();
      latencies.record(
          ThreeTaskProcess.CLAIM,
          caller.post("/engine-rest/task/" + task + "/claim", Map.of("userId", user)).requireOk());
      Map<String, Object> variables = new LinkedHashMap<>();
      fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
      latencies.record(
          ThreeTaskProcess.COMPLETE,
          caller
              .post("/engine-rest/task/" + task + "/complete", Map.of("variables", variables))
              .requireOk());
      latencies.record(
          ThreeTaskProcess.STEP, found.nanos() + (System.nanoTime() - readingTime), true);
    }
  }
}
