package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;

/**
 * The dashboard at {@code /sla} signs people in with a form and a session; only managers, directors
 * and administrators see it and its figures. The SLA API keeps answering HTTP Basic.
 */
class SlaDashboardAccessIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  void anonymousPeopleAreSentToTheSignInForm() {
    var session = new WebappSession(baseUrl());
    HttpResponse<String> page = session.get("/sla");
    assertThat(page.statusCode()).isEqualTo(302);
    assertThat(page.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/sla/login"));
    assertThat(session.get("/sla/login").body())
        .contains("<form method=\"post\" action=\"/sla/login\"");
    assertThat(session.get("/sla/dashboard.js").statusCode())
        .as("the script is for signed-in managers")
        .isEqualTo(302);
  }

  @Test
  void theSignInFormRefusesAPostWithoutItsToken() {
    var session = new WebappSession(baseUrl());
    session.get("/sla/login");
    assertThat(
            session
                .postForm("/sla/login", Map.of("username", "maria", "password", "demo"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void aManagerSignsInWithTheFormAndReadsTheDashboardsFigures() {
    var session = signedIn("maria");
    HttpResponse<String> page = session.get("/sla");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Signed in as <strong>maria</strong>", "/webjars/uplot/", "/sla/dashboard.js");
    assertThat(session.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js").statusCode())
        .isEqualTo(200);
    assertThat(session.get("/api/v1/sla/summary").statusCode()).isEqualTo(200);
    HttpResponse<String> daily = session.get("/api/v1/sla/breaches/daily?days=30");
    assertThat(daily.statusCode()).isEqualTo(200);
    assertThat(daily.body().split("\"day\"")).as("one entry per day").hasSize(31);
    assertThat(
            as("maria")
                .getForEntity("/api/v1/sla/breaches/daily?days=0", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);

    HttpResponse<String> signedOut =
        session.postForm("/sla/logout", Map.of("_csrf", csrfOf(page.body())));
    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(session.get("/sla").statusCode()).as("signed out").isEqualTo(302);
  }

  @Test
  void ngoRepresentativesAndSecurityStaffMayNotSeeTheDashboardNorItsFigures() {
    for (String user : new String[] {"john", "sam"}) {
      var session = signedIn(user);
      HttpResponse<String> page = session.get("/sla");
      assertThat(page.statusCode()).as(user + " opens /sla").isEqualTo(403);
      assertThat(page.body())
          .contains(
              "signed in as " + user + ", who may not see this page", "action=\"/sla/logout\"");
      assertThat(session.get("/sla/dashboard.js").statusCode())
          .as(user + " reads the script")
          .isEqualTo(403);
      for (String data :
          new String[] {
            "/api/v1/sla/summary",
            "/api/v1/sla/breaches/daily?days=30",
            "/api/v1/sla/task-types",
            "/api/v1/sla/breaches?open=true"
          }) {
        assertThat(session.get(data).statusCode())
            .as(user + " with a session reads " + data)
            .isEqualTo(403);
        assertThat(as(user).getForEntity(data, String.class).getStatusCode().value())
            .as(user + " with HTTP Basic reads " + data)
            .isEqualTo(403);
      }
    }
  }

  @Test
  void theApiStillAsksOtherClientsForHttpBasic() {
    var anonymous = rest.getForEntity("/api/v1/sla/summary", String.class);
    assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    assertThat(anonymous.getHeaders().get("Set-Cookie")).as("no session for an API call").isNull();
    var basic = as("maria").getForEntity("/api/v1/sla/summary", String.class);
    assertThat(basic.getStatusCode().value()).isEqualTo(200);
    assertThat(basic.getHeaders().get("Set-Cookie")).as("no session for an API call").isNull();
  }

  private WebappSession signedIn(String user) {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/sla/login").body());
    HttpResponse<String> login =
        session.postForm(
            "/sla/login", Map.of("username", user, "password", "demo", "_csrf", token));
    assertThat(login.statusCode()).as(user + " signs in").isEqualTo(302);
    assertThat(login.headers().firstValue("Location"))
        .as(user + " is not sent back with an error")
        .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    return session;
  }

  private static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
