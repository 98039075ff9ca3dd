package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Defect 7 of issue 10: wrong passwords from one address locked an account for good. Every sign-in
 * route is throttled by address and by account, answers 429 with {@code Retry-After}, and never
 * stops the account's owner elsewhere; so is the engine APIs' password verification, which only
 * administrators may use. The client address comes from {@code X-Forwarded-For}, as behind the
 * production proxy (the test client is a trusted local address).
 */
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleIT extends IntegrationTest {

  private static final AtomicInteger PROBES = new AtomicInteger();
  private static final String PASSWORD = "Probe-Password-2026!";

  /** invisible-bars.sign-in.free-failures-per-source in application.yaml. */
  private static final int FREE_FAILURES = 20;

  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @Autowired IdentityService identityService;

  private final HttpClient http = HttpClient.newHttpClient();

  /** A user of its own per test: the throttle's counters outlive a test in the shared context. */
  private String user;

  @BeforeEach
  void probeUser() {
    user = "throttleprobe" + PROBES.incrementAndGet();
    User probe = identityService.newUser(user);
    probe.setPassword(PASSWORD);
    identityService.saveUser(probe);
    identityService.createMembership(user, "security");
    identityService.createMembership(user, "manager");
  }

  @AfterEach
  void deleteProbeUser() {
    identityService.deleteUser(user);
  }

  @Test
  void failuresFromOneAddressNeverStopTheOwnerSigningInFromAnother(CapturedOutput log)
      throws Exception {
    String attacker = "198.51.100.1";
    List<Integer> answers = new ArrayList<>();
    for (int i = 0; i <= FREE_FAILURES; i++) {
      answers.add(basic("/engine-rest/task", attacker, user, "wrong-" + i).statusCode());
    }
    assertThat(answers).containsOnly(401);
    HttpResponse<String> throttled = basic("/engine-rest/task", attacker, user, PASSWORD);
    assertThat(throttled.statusCode())
        .as("the attacker's address waits, even with the right password")
        .isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(throttled.body()).contains("Too many failed sign-ins");

    assertThat(basic("/engine-rest/task", "198.51.100.2", user, PASSWORD).statusCode())
        .as("the owner signs in from elsewhere at once")
        .isEqualTo(200);
    assertThat(identityService.createUserQuery().userId(user).singleResult()).isNotNull();
    assertThat(log.getAll())
        .contains(
            "Sign-in failed: user " + user + " from " + attacker + " on HTTP Basic /engine-rest")
        .contains("Sign-in throttled: address " + attacker)
        .contains("Sign-in: user " + user + " from 198.51.100.2 on HTTP Basic /engine-rest")
        .doesNotContain("wrong-3")
        .doesNotContain(PASSWORD);
  }

  @Test
  void aWrongPasswordThenTheRightOneSignsInAtOnce() throws Exception {
    assertThat(basic("/engine-rest/task", "198.51.100.3", user, "wrong").statusCode())
        .isEqualTo(401);
    assertThat(basic("/engine-rest/task", "198.51.100.3", user, PASSWORD).statusCode())
        .as("the engine's own per-user delay is off")
        .isEqualTo(200);
  }

  @Test
  void everySignInRouteAnswersAThrottledAttemptWith429AndRetryAfter(CapturedOutput log)
      throws Exception {
    assertThrottled(
        "198.51.100.11",
        (address, password) -> basic("/api/v1/facilities", address, user, password));
    assertThrottled(
        "198.51.100.12",
        (address, password) -> basic("/api/v1/sla/summary", address, user, password));
    assertThrottled("198.51.100.13", (address, password) -> slaForm(address, user, password));
    assertThrottled(
        "198.51.100.14", (address, password) -> webappLogin(address, user, password, "tasklist"));

    assertThat(log.getAll())
        .contains("Sign-in failed: user " + user + " from 198.51.100.11 on HTTP Basic /api")
        .contains("Sign-in failed: user " + user + " from 198.51.100.13 on form /sla")
        .contains("Sign-in failed: user " + user + " from 198.51.100.14 on web app tasklist");
  }

  @Test
  void theFormAndTheWebApplicationsLogSuccessfulSignIns(CapturedOutput log) throws Exception {
    assertThat(slaForm("198.51.100.21", user, PASSWORD).headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/sla").doesNotContain("error"));
    assertThat(webappLogin("198.51.100.22", user, PASSWORD, "tasklist").statusCode())
        .isEqualTo(200);
    assertThat(log.getAll())
        .contains("Sign-in: user " + user + " from 198.51.100.21 on form /sla")
        .contains("Sign-in: user " + user + " from 198.51.100.22 on web app tasklist");
  }

  @Test
  void failuresFromManyAddressesSlowTheAccountOnlyWhereItIsNotKnown() throws Exception {
    String home = "198.51.100.30";
    assertThat(basic("/api/v1/facilities", home, user, PASSWORD).statusCode()).isEqualTo(200);
    for (int i = 1; i <= 11; i++) {
      assertThat(basic("/api/v1/facilities", "203.0.113." + i, user, "wrong").statusCode())
          .isEqualTo(401);
    }
    assertThat(basic("/api/v1/facilities", "192.0.2.77", user, PASSWORD).statusCode())
        .as("eleven addresses failed, ten are free: an unknown address waits")
        .isEqualTo(429);
    assertThat(basic("/api/v1/facilities", home, user, PASSWORD).statusCode())
        .as("the owner's known address is never slowed down")
        .isEqualTo(200);
    assertThat(basic("/api/v1/facilities", "192.0.2.77", "lena", "demo").statusCode())
        .as("other accounts are not affected")
        .isEqualTo(200);
  }

  /** Defect 9: without the password, an NGO user and an unknown user get the same answer. */
  @Test
  void theWebApplicationsLoginDoesNotTellNgoUsersFromUnknownOnes() throws Exception {
    HttpResponse<String> ngo = webappLogin("198.51.100.40", "john", "not-his-password", "tasklist");
    HttpResponse<String> unknown =
        webappLogin("198.51.100.41", "nobody-of-that-name", "not-his-password", "tasklist");
    assertThat(ngo.statusCode()).isEqualTo(401).isEqualTo(unknown.statusCode());
    assertThat(withoutTime(ngo.body())).isEqualTo(withoutTime(unknown.body()));
    assertThat(ngo.headers().firstValue("Content-Type"))
        .isEqualTo(unknown.headers().firstValue("Content-Type"));
    assertThat(webappLogin("198.51.100.42", "john", "demo", "tasklist").statusCode())
        .as("with his password john is still refused")
        .isEqualTo(403);
  }

  /**
   * {@code POST /identity/verify} answers whether a user name and password are right, on both
   * engine APIs; no Camunda web application calls it. Every staff user could ask it about their own
   * account (with a stolen web session, a way to guess its owner's password), administrators about
   * anyone's, and the throttle never saw it. Now only administrators may ask.
   */
  @Test
  void staffMayNotVerifyAPasswordNotEvenTheirOwnOnEitherEngineApi() throws Exception {
    for (String caller : List.of(user, "martha", "sam", "lena", "maria", "paula")) {
      String password = caller.equals(user) ? PASSWORD : "demo";
      WebappSession session = new WebappSession(baseUrl(), "198.51.100.50");
      assertThat(session.login(caller, password, "welcome")).isEqualTo(200);
      for (String guess : List.of(password, "a-guess")) {
        HttpResponse<String> basic = verify("198.51.100.50", caller, password, caller, guess);
        assertThat(basic.statusCode())
            .as(caller + " with HTTP Basic: " + basic.body())
            .isEqualTo(403);
        HttpResponse<String> webapp =
            session.postJson(WEBAPP_ENGINE + "/identity/verify", credentials(caller, guess));
        assertThat(webapp.statusCode())
            .as(caller + " through the web applications: " + webapp.body())
            .isEqualTo(403);
        assertThat(basic.body() + webapp.body()).doesNotContain("authenticated");
      }
    }
  }

  /**
   * An administrator's wrong answers count as failed sign-ins of the account from the
   * administrator's address.
   */
  @Test
  void anAdministratorVerifiesPasswordsThrottledAndLoggedLikeASignIn(CapturedOutput log)
      throws Exception {
    String address = "198.51.100.51";
    HttpResponse<String> right = verify(address, "admin", "demo", user, PASSWORD);
    assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
    assertThat(right.body()).contains("\"authenticated\":true");
    for (int i = 1; i < FREE_FAILURES; i++) {
      HttpResponse<String> guess = verify(address, "admin", "demo", user, "guess-" + i);
      assertThat(guess.statusCode()).as("guess %d", i).isEqualTo(200);
      assertThat(guess.body()).as("guess %d", i).contains("\"authenticated\":false");
    }
    WebappSession session = new WebappSession(baseUrl(), address);
    assertThat(session.login("admin", "demo", "welcome")).isEqualTo(200);
    assertThat(
            session
                .postJson(WEBAPP_ENGINE + "/identity/verify", credentials(user, "guess-20"))
                .statusCode())
        .as("the last free wrong guess, through the web applications")
        .isEqualTo(200);
    assertThat(
            session
                .postJson(WEBAPP_ENGINE + "/identity/verify", credentials(user, "guess-21"))
                .statusCode())
        .as("a wrong guess beyond the free ones is answered, and makes the address wait")
        .isEqualTo(200);

    HttpResponse<String> throttled =
        session.postJson(WEBAPP_ENGINE + "/identity/verify", credentials(user, PASSWORD));
    assertThat(throttled.statusCode())
        .as("the next guess waits, even a right one: " + throttled.body())
        .isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After"))
        .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
    assertThat(throttled.body()).doesNotContain("authenticated");
    assertThat(verify("198.51.100.52", "admin", "demo", user, PASSWORD).statusCode())
        .as("from another address at once")
        .isEqualTo(200);
    assertThat(log.getAll())
        .contains(
            "Sign-in failed: user "
                + user
                + " from "
                + address
                + " on password verification /engine-rest")
        .contains(
            "Sign-in failed: user "
                + user
                + " from "
                + address
                + " on password verification /camunda")
        .contains("Sign-in throttled: address " + address)
        .doesNotContain("guess-3")
        .doesNotContain(PASSWORD);
  }

  private HttpResponse<String> verify(
      String address, String caller, String callerPassword, String account, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((caller + ":" + callerPassword).getBytes(StandardCharsets.UTF_8));
    return send(
        null,
        request("/engine-rest/identity/verify", address)
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(credentials(account, password))));
  }

  private static String credentials(String account, String password) {
    return "{\"username\": \"" + account + "\", \"password\": \"" + password + "\"}";
  }

  /** The error page's body without the time it was written. */
  private static String withoutTime(String body) {
    return body.replaceAll("<div id='created'>[^<]*</div>", "");
  }

  private void assertThrottled(
      String address, BiFunction<String, String, HttpResponse<String>> signIn) {
    for (int i = 0; i <= FREE_FAILURES; i++) {
      int status = signIn.apply(address, "wrong-" + i).statusCode();
      assertThat(status).as("failure %d from %s", i + 1, address).isNotEqualTo(429);
    }
    HttpResponse<String> throttled = signIn.apply(address, PASSWORD);
    assertThat(throttled.statusCode()).as("throttled at %s", address).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After"))
        .as("Retry-After at %s", address)
        .isPresent();
  }

  private HttpResponse<String> basic(String path, String address, String user, String password) {
    String credentials =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return send(null, request(path, address).header("Authorization", "Basic " + credentials).GET());
  }

  /**
   * The {@code /sla} sign-in form as a browser posts it: its page first, for the session and the
   * CSRF token.
   */
  private HttpResponse<String> slaForm(String address, String user, String password) {
    HttpClient browser =
        HttpClient.newBuilder().cookieHandler(WebappSession.browserLikeCookies()).build();
    String page = send(browser, request("/sla/login", address).GET()).body();
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
    return send(
        browser,
        request("/sla/login", address)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form("_csrf", token.group(1), "username", user, "password", password))));
  }

  private HttpResponse<String> webappLogin(
      String address, String user, String password, String application) {
    return new WebappSession(baseUrl(), address).loginResponse(user, password, application);
  }

  private HttpRequest.Builder request(String path, String address) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("X-Forwarded-For", address)
        .header("Accept", "application/json, text/html");
  }

  private static String form(String... namesAndValues) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.append(i == 0 ? "" : "&")
          .append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }

  private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
    try {
      return (client == null ? http : client)
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
