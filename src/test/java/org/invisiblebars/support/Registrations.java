package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * An organisation registers itself as a person does, without a browser: the public form, the
 * verification link from the e-mail (read from GreenMail), a liaison officer's decision in the
 * engine (as Tasklist completes the task), the activation link and the password. {@link
 * #registerAndApprove} does it all and returns the new user and organisation.
 */
public final class Registrations {

  /** A password the engine's policy accepts. */
  public static final String PASSWORD = "Reg1strat!on-Pass";

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9_-]+)");
  private static final Pattern REFERENCE = Pattern.compile("REG-\\d{4}-\\d{4,9}");
  private static final Pattern USER_NAME = Pattern.compile("Your user name is ([a-z0-9]+)\\.");
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final String baseUrl;
  private final Function<String, TestRestTemplate> as;
  private final TestRestTemplate rest;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param as a client signed in as a staff user with the demo password (lena decides)
   * @param rest a client signed in as nobody
   */
  public Registrations(
      String baseUrl, Function<String, TestRestTemplate> as, TestRestTemplate rest) {
    this.baseUrl = baseUrl;
    this.as = as;
    this.rest = rest;
  }

  /** The new organisation's user (who has set {@link #PASSWORD}) and the organisation. */
  public record Registered(
      String userId, UUID organisationId, String organisationName, String email) {}

  /** An address no test used before. */
  public static String newAddress(String who) {
    return who
        + Long.toString(System.nanoTime(), 36)
        + SERIAL.incrementAndGet()
        + "@registering.example";
  }

  /** The fields of a complete form. */
  public static Map<String, String> form(String organisationName, String email) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("organisationName", organisationName);
    fields.put("country", "Ruritania");
    fields.put("registrationNumber", "ASSOC-" + SERIAL.incrementAndGet());
    fields.put("networkName", "");
    fields.put("description", "We visit prisons and write about what we see.");
    fields.put("firstName", "Rita");
    fields.put("lastName", "Register");
    fields.put("email", email);
    return fields;
  }

  /** Sends the public form from a new session; answers what the application answered. */
  public HttpResponse<String> submit(Map<String, String> fields) {
    WebappSession session = new WebappSession(baseUrl);
    Map<String, String> posted = new LinkedHashMap<>(fields);
    posted.put("_csrf", csrfOf(session.get("/portal/register").body()));
    return session.postForm("/portal/register", posted);
  }

  /** Sends the form and asserts the "check your e-mail" answer (POST, redirect, GET). */
  public void request(String organisationName, String email) {
    HttpResponse<String> sent = submit(form(organisationName, email));
    assertThat(sent.statusCode()).as("the form is accepted").isEqualTo(302);
    assertThat(sent.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/portal/register/sent"));
  }

  /** The message received by {@code email} whose subject starts with {@code subject}. */
  public static GreenMailServer.Received mail(String email, String subject) {
    return GreenMailServer.awaitTo(email, m -> m.subject().startsWith(subject)).get(0);
  }

  /** The token of the link in {@code mail}. */
  public static String token(GreenMailServer.Received mail) {
    Matcher matcher = TOKEN.matcher(mail.text());
    assertThat(matcher.find()).as("a link with a token in " + mail.text()).isTrue();
    return matcher.group(1);
  }

  /** The request's reference in {@code mail}. */
  public static String reference(GreenMailServer.Received mail) {
    Matcher matcher = REFERENCE.matcher(mail.text());
    assertThat(matcher.find()).as("a reference in " + mail.text()).isTrue();
    return matcher.group();
  }

  /**
   * Opens the verification link of {@code email}'s message and confirms it; answers the request's
   * reference.
   */
  public String verify(String email) {
    return verify(mail(email, "Confirm your e-mail address"));
  }

  /** Confirms the address with the link of {@code mail}; returns the request's reference. */
  public String verify(GreenMailServer.Received mail) {
    WebappSession session = new WebappSession(baseUrl);
    String token = token(mail);
    HttpResponse<String> page = session.get("/portal/register/verify?token=" + token);
    assertThat(page.statusCode()).as("the verification page").isEqualTo(200);
    HttpResponse<String> confirmed =
        session.postForm(
            "/portal/register/verify", Map.of("token", token, "_csrf", csrfOf(page.body())));
    assertThat(confirmed.statusCode()).as("the address is confirmed").isEqualTo(302);
    assertThat(confirmed.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/portal/register/verified"));
    return reference(mail);
  }

  /** The liaison officer lena decides in the engine, as Tasklist completes the task. */
  public void decide(String reference, Map<String, Object> fields) {
    new EngineTasks(as)
        .complete(
            "lena",
            reference,
            RegistrationProcess.Element.REVIEW_ORGANISATION_REGISTRATION,
            fields);
  }

  /** Sets {@code password} through the activation link of {@code email}'s approval message. */
  public String activate(String email, String password) {
    GreenMailServer.Received mail = mail(email, "The registration of");
    Matcher user = USER_NAME.matcher(mail.text());
    assertThat(user.find()).as("the user name in " + mail.text()).isTrue();
    WebappSession session = new WebappSession(baseUrl);
    String token = token(mail);
    HttpResponse<String> page = session.get("/portal/account/activate?token=" + token);
    assertThat(page.statusCode()).as("the activation page").isEqualTo(200);
    HttpResponse<String> set =
        session.postForm(
            "/portal/account/activate",
            Map.of(
                "token",
                token,
                "password",
                password,
                "confirmPassword",
                password,
                "_csrf",
                csrfOf(page.body())));
    assertThat(set.statusCode()).as("the password is set: " + set.body()).isEqualTo(302);
    return user.group(1);
  }

  /**
   * A new organisation named {@code organisationName} (made unique) registers, is approved by lena,
   * and its user sets {@link #PASSWORD}.
   */
  public Registered registerAndApprove(String organisationName) {
    String name = organisationName + " " + Long.toString(System.nanoTime(), 36);
    String email = newAddress("reg");
    request(name, email);
    String reference = verify(email);
    decide(reference, Map.of("reviewDecision", "APPROVE"));
    String userId = activate(email, PASSWORD);
    JsonNode organisations =
        read(
            rest.withBasicAuth(userId, PASSWORD)
                .getForObject("/api/v1/organisations", String.class));
    assertThat(organisations).as(userId + " sees its organisation").hasSize(1);
    assertThat(organisations.get(0).get("name").asText()).isEqualTo(name);
    return new Registered(
        userId, UUID.fromString(organisations.get(0).get("id").asText()), name, email);
  }

  public static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
