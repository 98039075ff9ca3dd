package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who gets into the NGO portal, without a browser: a person not signed in is sent to the portal's
 * sign-in form, staff are refused with a page that says why, an NGO user signs in with the form and
 * reads its own organisation's records, and another organisation's record is a 404 page that looks
 * like one that does not exist.
 */
class PortalAccessIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private static Ngo own;
  private static Ngo other;
  private static Ngo asked;

  @Autowired TaskService taskService;

  @BeforeEach
  void twoOrganisations() {
    if (other == null) {
      Fixtures fixtures = new Fixtures(rest, this::as, taskService);
      String facility = fixtures.facility("Central Prison");
      own = fixtures.applied("Portal Access Watch", facility);
      other = fixtures.applied("Portal Access Other", facility);
      asked = fixtures.applied("Portal Access Asked", facility);
      new EngineTasks(this::as)
          .complete(
              "lena",
              asked.accreditationId(),
              AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS,
              Map.of("completeness", "INCOMPLETE", "informationRequested", "Your statutes?"));
    }
  }

  @Test
  void anonymousPeopleAreSentToTheSignInForm() {
    var session = new WebappSession(baseUrl());
    for (String page :
        new String[] {"/portal", "/portal/accreditations/" + own.accreditationId()}) {
      HttpResponse<String> answer = session.get(page);
      assertThat(answer.statusCode()).as(page).isEqualTo(302);
      assertThat(answer.headers().firstValue("Location"))
          .hasValueSatisfying(to -> assertThat(to).endsWith("/portal/sign-in"));
    }
    HttpResponse<String> form = session.get("/portal/sign-in");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body())
        .contains(
            "<form method=\"post\" action=\"/portal/sign-in\"",
            "/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css",
            "Skip to main content",
            "Invisible Bars — NGO portal");
    assertThat(
            session
                .get("/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css")
                .statusCode())
        .as("the design system is served by the application")
        .isEqualTo(200);
    assertThat(session.get("/portal/assets/portal.js").statusCode()).isEqualTo(200);
  }

  @Test
  void staffAreRefusedWithAPageSayingWhy() {
    var session = signedIn("lena", "demo");
    HttpResponse<String> page = session.get("/portal");
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains(
            "You cannot use the portal",
            "signed in as <strong>lena</strong>",
            "action=\"/portal/sign-out\"");
    assertThat(as("martha").getForEntity("/portal", String.class).getStatusCode().value())
        .as("with HTTP Basic too")
        .isEqualTo(403);
  }

  @Test
  void anNgoUserReadsItsOwnRecordsAndAnotherOrganisationsRecordIsNotFound() {
    var session = signedIn(own.user(), Fixtures.PASSWORD);
    HttpResponse<String> dashboard = session.get("/portal");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body())
        .contains("/portal/accreditations/" + own.accreditationId())
        .doesNotContain(other.accreditationId());
    assertThat(session.get("/portal/accreditations/" + own.accreditationId()).statusCode())
        .isEqualTo(200);

    HttpResponse<String> others = session.get("/portal/accreditations/" + other.accreditationId());
    HttpResponse<String> unknown = session.get("/portal/accreditations/" + UUID.randomUUID());
    assertThat(others.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(others.body()).contains("Page not found");
    assertThat(withoutToken(others.body()))
        .as("another organisation's record looks like an unknown one")
        .isEqualTo(withoutToken(unknown.body()));
    assertThat(others.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
  }

  @Test
  void theActionIsRefusedWithoutItsCsrfTokenAndWhenNothingIsAwaited() {
    var session = signedIn(own.user(), Fixtures.PASSWORD);
    String path = "/portal/accreditations/" + own.accreditationId() + "/information";
    assertThat(session.postForm(path, Map.of("information", "Attached")).statusCode())
        .as("no CSRF token")
        .isEqualTo(403);
    HttpResponse<String> form = session.get(path);
    assertThat(form.statusCode())
        .as("the application waits at the completeness check")
        .isEqualTo(409);
    assertThat(form.body()).contains("This cannot be done now");
  }

  @Test
  void aRefusedAnswerShowsTheFormAgainNamingTheFieldAndSavesNothing() {
    var session = signedIn(asked.user(), Fixtures.PASSWORD);
    String path = "/portal/accreditations/" + asked.accreditationId() + "/information";
    HttpResponse<String> form = session.get(path);
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("Your statutes?");

    String tooLong = "x".repeat(4001);
    HttpResponse<String> refused =
        session.postForm(path, Map.of("information", tooLong, "_csrf", csrfOf(form.body())));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Answer the request for information",
            "govuk-error-summary",
            "<a href=\"#information\">Your answer must be at most 4000 characters</a>",
            "id=\"information-error\"",
            tooLong);
    assertThat(
            rest.withBasicAuth(asked.user(), Fixtures.PASSWORD)
                .getForObject("/api/v1/accreditations/" + asked.accreditationId(), String.class))
        .as("nothing was saved")
        .contains("\"status\":\"AWAITING_INFORMATION\"");

    HttpResponse<String> answered =
        session.postForm(
            path, Map.of("information", "Attached to our e-mail", "_csrf", csrfOf(form.body())));
    assertThat(answered.statusCode()).as("POST, redirect, GET").isEqualTo(302);
    assertThat(answered.headers().firstValue("Location"))
        .hasValueSatisfying(
            to -> assertThat(to).endsWith("/portal/accreditations/" + asked.accreditationId()));
    assertThat(session.get("/portal/accreditations/" + asked.accreditationId()).body())
        .contains("Your answer was sent", "Submitted: the liaison officer checks it");
  }

  @Test
  void signingOutEndsTheSession() {
    var session = signedIn(own.user(), Fixtures.PASSWORD);
    String token = csrfOf(session.get("/portal").body());
    HttpResponse<String> signedOut = session.postForm("/portal/sign-out", Map.of("_csrf", token));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/portal/sign-in?signedOut"));
    assertThat(session.get("/portal").statusCode()).isEqualTo(302);
  }

  @Test
  void aWrongPasswordGoesBackToTheFormWithTheErrorSummary() {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/portal/sign-in").body());
    HttpResponse<String> refused =
        session.postForm(
            "/portal/sign-in", Map.of("username", "john", "password", "wrong", "_csrf", token));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(refused.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/portal/sign-in?error"));
    assertThat(session.get("/portal/sign-in?error").body())
        .contains("govuk-error-summary", "href=\"#username\"");
  }

  private WebappSession signedIn(String user, String password) {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/portal/sign-in").body());
    HttpResponse<String> signIn =
        session.postForm(
            "/portal/sign-in", Map.of("username", user, "password", password, "_csrf", token));
    assertThat(signIn.statusCode()).as(user + " signs in").isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location"))
        .as(user + " is not sent back with an error")
        .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    return session;
  }

  /** The page without its CSRF token, which Spring Security masks anew for every response. */
  private static String withoutToken(String page) {
    return CSRF.matcher(page).replaceAll("");
  }

  private static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
