package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalReports;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The portal's report pages without a browser: an organisation submits a report through the form
 * (an incomplete recommendation refused naming its field, nothing stored; the same form sent twice
 * taken once), comments on the plan of action once there is one, asks to publish the released
 * report and consents to the preview only when it confirms it read it; its users are told by e-mail
 * with a link to the portal's report page. Another organisation's report is a 404 page on every
 * route; staff are refused.
 */
class PortalReportsIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern KEY = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"");
  private static final String SECRET_NAME = "Ivo Secretname";

  private static Ngo own;
  private static Ngo other;
  private static String facility;
  private static String othersReport;

  @Autowired TaskService taskService;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void twoOrganisations() {
    if (own == null) {
      Fixtures fixtures = new Fixtures(rest, this::as, taskService);
      facility = fixtures.facility("Central Prison");
      own = fixtures.registeredMandate("Portal Reports Watch", facility);
      other = fixtures.registeredMandate("Portal Reports Other", facility);
      othersReport = fixtures.report(other, facility, "Overcrowded cells");
    }
  }

  @Test
  void aReportsDatesAreWrittenOnTheClockOfItsFacilityWithTheZoneNamed() {
    String name = "Porto Remand Centre " + Long.toString(System.nanoTime(), 36);
    Map<String, Object> lisbon = new LinkedHashMap<>();
    lisbon.put("name", name);
    lisbon.put("liaisonCapacity", 50);
    lisbon.put("securityLevel", "MEDIUM");
    lisbon.put("highSecurityAreas", List.of());
    lisbon.put("visitingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    lisbon.put("visitingFrom", "09:00");
    lisbon.put("visitingUntil", "17:00");
    lisbon.put("zone", "Europe/Lisbon");
    assertThat(
            as("admin")
                .postForEntity("/api/v1/facilities", lisbon, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(201);
    Fixtures fixtures = new Fixtures(rest, this::as, taskService);
    String facilityId = fixtures.facility(name);
    Ngo ngo = fixtures.registeredMandate("Porto Watch " + System.nanoTime(), facilityId);
    String report = fixtures.report(ngo, facilityId, "Cold cells in winter");

    String page = signedIn(ngo.user(), Fixtures.PASSWORD).get("/portal/reports/" + report).body();
    assertThat(page)
        .as("submitted and review end on Lisbon's clock")
        .contains("Europe/Lisbon")
        .doesNotContain(" UTC<");
  }

  @Test
  void staffAreRefusedAndAnotherOrganisationsReportIsNotFoundOnEveryRoute() {
    var lena = signedIn("lena", "demo");
    assertThat(lena.get("/portal/reports/new").statusCode()).isEqualTo(403);
    assertThat(lena.get("/portal/reports/" + othersReport + "/plan-of-action").statusCode())
        .isEqualTo(403);

    var session = signedIn(own.user(), Fixtures.PASSWORD);
    String token = csrfOf(session.get("/portal").body());
    String base = "/portal/reports/" + othersReport;
    for (String page : List.of(base + "/plan-of-action", base + "/publication")) {
      HttpResponse<String> answer = session.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(404);
      assertThat(answer.body()).contains("Page not found").doesNotContain("Overcrowded");
    }
    for (String action :
        List.of(
            base + "/plan-of-action/recommendations/1/comments",
            base + "/publication",
            base + "/publication/consent",
            base + "/publication/changes",
            base + "/publication/withdrawal")) {
      assertThat(
              session
                  .postForm(action, Map.of("_csrf", token, "comment", "Ours", "confirm", "yes"))
                  .statusCode())
          .as(action)
          .isEqualTo(404);
    }
    assertThat(session.postForm(base + "/publication", Map.of()).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
  }

  @Test
  void anOrganisationSubmitsCommentsOnThePlanAndConsentsToThePreview() {
    var session = signedIn(own.user(), Fixtures.PASSWORD);
    HttpResponse<String> form = session.get("/portal/reports/new");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Central Prison", "recommendations[0].text");
    String token = csrfOf(form.body());
    Map<String, String> report = report(token, keyOf(form.body()));

    HttpResponse<String> added = session.postForm("/portal/reports/new", with(report, "add"));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body())
        .contains("name=\"recommendations[1].text\"", "Remove recommendation 2", "Paint the cells");

    Map<String, String> incomplete = new LinkedHashMap<>(report);
    incomplete.put("recommendations[1].text", "");
    incomplete.put("recommendations[1].area", "Health");
    HttpResponse<String> refused =
        session.postForm("/portal/reports/new", with(incomplete, "check"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Submit a monitoring report",
            "<a href=\"#recommendations-1-text\">Recommendation 2: text is required</a>",
            "id=\"recommendations-1-text-error\"",
            "<a href=\"#recommendations-1-priority\">Recommendation 2: priority is required");
    assertThat(reportsOf(own)).as("nothing stored").isZero();

    HttpResponse<String> check = session.postForm("/portal/reports/new", with(report, "check"));
    assertThat(check.body())
        .contains("Check your report before submitting it", "Central Prison", SECRET_NAME);
    assertThat(reportsOf(own)).as("nothing stored before submitting").isZero();
    HttpResponse<String> submitted =
        session.postForm("/portal/reports/new", with(report, "submit"));
    assertThat(submitted.statusCode()).as("POST, redirect, GET").isEqualTo(302);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/portal/reports/");
    String id = location.substring(location.lastIndexOf('/') + 1);
    HttpResponse<String> again = session.postForm("/portal/reports/new", with(report, "submit"));
    assertThat(again.headers().firstValue("Location"))
        .as("sent twice, taken once")
        .hasValue(location);
    assertThat(reportsOf(own)).isEqualTo(1);

    HttpResponse<String> page = session.get("/portal/reports/" + id);
    assertThat(page.body())
        .contains(
            "Your report was submitted",
            "Review period",
            "Days left",
            "The authorities have not submitted their plan of action yet.");

    // No plan yet: nothing to comment on.
    String comments = "/portal/reports/" + id + "/plan-of-action/recommendations/1/comments";
    assertThat(session.get("/portal/reports/" + id + "/plan-of-action").body())
        .contains("The authorities have not submitted their plan of action yet.");
    assertThat(session.postForm(comments, Map.of("_csrf", token, "comment", "Early")).statusCode())
        .isEqualTo(409);

    PortalReports reports = new PortalReports(context, this::as);
    reports.respond(id);
    assertThat(outbox(id)).contains("report-plan-submitted");
    HttpResponse<String> empty = session.postForm(comments, Map.of("_csrf", token, "comment", " "));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body())
        .contains("<a href=\"#comment-1\">Your comment on recommendation 1 is required</a>");
    HttpResponse<String> commented =
        session.postForm(comments, Map.of("_csrf", token, "comment", "Paint before winter"));
    assertThat(commented.statusCode()).isEqualTo(302);
    assertThat(session.get("/portal/reports/" + id + "/plan-of-action").body())
        .contains("Agreed at the meeting", "Paint before winter", "Head of facilities");

    // Publication: not under review; then asked, redacted, consented once confirmed.
    String publication = "/portal/reports/" + id + "/publication";
    assertThat(session.postForm(publication, Map.of("_csrf", token)).statusCode()).isEqualTo(409);
    reports.endPeriod(id);
    assertThat(outbox(id)).contains("report-released");
    assertThat(session.get(publication).body()).contains("Ask to publish the report");
    assertThat(session.postForm(publication, Map.of("_csrf", token)).statusCode()).isEqualTo(302);
    reports.redact(id, "Overcrowded remand wing", "1. Paint the cells");
    assertThat(outbox(id)).contains("report-preview-ready");
    HttpResponse<String> preview = session.get(publication);
    assertThat(preview.body())
        .contains(
            "Preview of exactly what would be public (version 1)",
            "Overcrowded remand wing",
            "Recommendation 1: Accepted")
        .doesNotContain(SECRET_NAME);
    HttpResponse<String> unconfirmed =
        session.postForm(publication + "/consent", Map.of("_csrf", token, "version", "1"));
    assertThat(unconfirmed.statusCode()).isEqualTo(200);
    assertThat(unconfirmed.body()).contains("<a href=\"#confirm\">Your confirmation must be given");
    assertThat(status(id)).as("no consent without confirmation").isEqualTo("AWAITING_CONSENT");
    assertThat(
            session
                .postForm(
                    publication + "/consent",
                    Map.of("_csrf", token, "version", "1", "confirm", "yes"))
                .statusCode())
        .isEqualTo(302);
    Eventually.within(Duration.ofSeconds(30), "published")
        .until(() -> status(id), "PUBLISHED"::equals);
    assertThat(session.get(publication).body())
        .contains("The report is on the public register.", "Withdraw your consent");
  }

  @Test
  void anOrganisationAnswersTheDirectorsRequestToExtendTheReviewPeriod() {
    String id = new Fixtures(rest, this::as, taskService).report(other, facility, "Cold showers");
    var session = signedIn(other.user(), Fixtures.PASSWORD);
    String page = "/portal/reports/" + id + "/extension-answer";
    assertThat(session.get(page).statusCode()).as("nothing asked yet").isEqualTo(409);
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            as("martha")
                .postForEntity(
                    "/api/v1/reports/" + id + "/extension-request",
                    new HttpEntity<>(Map.of("days", 10, "reasons", "The budget meeting"), json),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(outbox(other, id)).contains("report-extension-requested");
    assertThat(session.get("/portal/reports/" + id).body())
        .contains("The director asks for 10 more days: The budget meeting", "Awaiting your answer");
    HttpResponse<String> form = session.get(page);
    assertThat(form.statusCode()).isEqualTo(200);
    String token = csrfOf(form.body());
    HttpResponse<String> unanswered = session.postForm(page, Map.of("_csrf", token));
    assertThat(unanswered.statusCode()).isEqualTo(200);
    assertThat(unanswered.body()).contains("<a href=\"#agree\">Your answer is required");
    HttpResponse<String> agreed =
        session.postForm(page, Map.of("_csrf", token, "agree", "yes", "reasons", "Fine"));
    assertThat(agreed.statusCode()).isEqualTo(302);
    assertThat(session.get("/portal/reports/" + id).body())
        .contains("Your answer to the request to extend was sent.", "Agreed by your organisation");
    assertThat(session.get(page).statusCode()).as("answered once").isEqualTo(409);
  }

  private static Map<String, String> report(String token, String key) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("_csrf", token);
    fields.put("idempotencyKey", key);
    fields.put("title", "Remand wing");
    fields.put("facilityId", facility);
    fields.put("visitsCovered", "Visit of 3 November");
    fields.put("findings", "Overcrowded cells");
    fields.put("allegation", "no");
    fields.put("personsNamed", SECRET_NAME);
    fields.put("recommendations[0].text", "Paint the cells");
    fields.put("recommendations[0].area", "Living conditions");
    fields.put("recommendations[0].priority", "URGENT");
    fields.put("recommendations[0].resourceEstimate", "LOW");
    return fields;
  }

  private static Map<String, String> with(Map<String, String> fields, String action) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.put("action", action);
    return all;
  }

  private long reportsOf(Ngo ngo) {
    return jdbc.queryForObject(
        "select count(*) from report where organisation_id = cast(? as uuid)",
        Long.class,
        ngo.organisationId());
  }

  private String status(String reportId) {
    return jdbc.queryForObject(
        "select status from report_publication where report_id = cast(? as uuid)",
        String.class,
        reportId);
  }

  private List<String> outbox(String reportId) {
    return outbox(own, reportId);
  }

  /** The kinds of the messages stored for the organisation's user, linking to the report page. */
  private List<String> outbox(Ngo ngo, String reportId) {
    return jdbc.queryForList(
        "select kind from mail_outbox where recipient_user_id = ? and link like ?",
        String.class,
        ngo.user(),
        "%/portal/reports/" + reportId);
  }

  private WebappSession signedIn(String user, String password) {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/portal/sign-in").body());
    HttpResponse<String> signIn =
        session.postForm(
            "/portal/sign-in", Map.of("username", user, "password", password, "_csrf", token));
    assertThat(signIn.statusCode()).as(user + " signs in").isEqualTo(302);
    return session;
  }

  private static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }

  private static String keyOf(String page) {
    Matcher matcher = KEY.matcher(page);
    assertThat(matcher.find()).as("the form carries its idempotency key").isTrue();
    return matcher.group(1);
  }
}
