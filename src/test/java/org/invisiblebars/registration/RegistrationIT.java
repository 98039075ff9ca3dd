package org.invisiblebars.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.invisiblebars.registration.usecase.OrganisationRegistrations;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.Race;
import org.invisiblebars.support.Registrations;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organisation registers itself through HTTP as a person does: the public form, the verification
 * link read from the e-mail, a liaison officer's decision in the engine, the activation link and
 * the password, then signing in at the portal. A rejection sends the reasons; an expired, reused or
 * unknown link is refused with a page saying which; a second request for the same address, or one
 * of a user, gets a message saying so and no link; a bad form saves nothing.
 */
class RegistrationIT extends IntegrationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired OrganisationRegistrations useCase;

  private Registrations registrations;

  @BeforeEach
  void helper() {
    registrations = new Registrations(baseUrl(), this::as, rest);
  }

  @Test
  void anApprovedOrganisationSetsItsPasswordAndSignsInAtThePortal() {
    String email = Registrations.newAddress("approved");
    String name = "Lantern Prison Visitors " + System.nanoTime();
    registrations.request(name, email);
    GreenMailServer.Received verifyMail = Registrations.mail(email, "Confirm your e-mail address");
    assertThat(verifyMail.subject()).contains(name);
    assertThat(verifyMail.text()).contains("/portal/register/verify?token=", "48 hours");
    String token = Registrations.token(verifyMail);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation_registration where verification_hash = ?",
                Integer.class,
                token))
        .as("the token itself is not stored, only its hash")
        .isZero();

    String reference = registrations.verify(email);
    WebappSession again = new WebappSession(baseUrl());
    HttpResponse<String> reused = again.get("/portal/register/verify?token=" + token);
    assertThat(reused.statusCode()).as("a used link").isEqualTo(410);
    assertThat(reused.body()).contains("This link was already used");

    EngineTasks tasks = new EngineTasks(this::as);
    var task =
        tasks
            .awaitTasks(
                "lena", reference, RegistrationProcess.Element.REVIEW_ORGANISATION_REGISTRATION)
            .get(0);
    assertThat(task.get("name").asText()).isEqualTo("Review organisation registration");
    assertThat(
            tasks.tasks(
                "sam", reference, RegistrationProcess.Element.REVIEW_ORGANISATION_REGISTRATION))
        .as("security is no liaison officer")
        .isEmpty();
    String form =
        as("lena")
            .getForObject(
                "/engine-rest/task/{id}/form-variables", String.class, task.get("id").asText());
    assertThat(form).contains(name, "Ruritania", "Rita Register", email);

    registrations.decide(reference, Map.of("reviewDecision", "APPROVE"));
    GreenMailServer.Received approved = Registrations.mail(email, "The registration of");
    assertThat(approved.subject()).isEqualTo("The registration of " + name + " is approved");
    assertThat(approved.text()).contains("/portal/account/activate?token=", reference);

    String activation = Registrations.token(approved);
    WebappSession person = new WebappSession(baseUrl());
    HttpResponse<String> page = person.get("/portal/account/activate?token=" + activation);
    assertThat(page.statusCode()).isEqualTo(200);
    HttpResponse<String> weak =
        person.postForm(
            "/portal/account/activate",
            Map.of(
                "token",
                activation,
                "password",
                "short",
                "confirmPassword",
                "other",
                "_csrf",
                Registrations.csrfOf(page.body())));
    assertThat(weak.statusCode()).isEqualTo(200);
    assertThat(weak.body())
        .contains(
            "govuk-error-summary",
            "<a href=\"#password\">Password must be at least 10 characters long</a>",
            "<a href=\"#confirmPassword\">Confirm the password does not match the password</a>");
    assertThat(
            rest.withBasicAuth(userOf(approved), "short")
                .getForEntity("/api/v1/organisations", String.class)
                .getStatusCode()
                .value())
        .as("the user cannot sign in before setting a password")
        .isEqualTo(401);

    String userId = registrations.activate(email, Registrations.PASSWORD);
    HttpResponse<String> usedActivation =
        new WebappSession(baseUrl()).get("/portal/account/activate?token=" + activation);
    assertThat(usedActivation.statusCode()).isEqualTo(410);

    WebappSession signedIn = new WebappSession(baseUrl());
    HttpResponse<String> signIn =
        signedIn.postForm(
            "/portal/sign-in",
            Map.of(
                "username",
                userId,
                "password",
                Registrations.PASSWORD,
                "_csrf",
                Registrations.csrfOf(signedIn.get("/portal/sign-in").body())));
    assertThat(signIn.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    HttpResponse<String> dashboard = signedIn.get("/portal");
    assertThat(dashboard.statusCode()).isEqualTo(200);
    assertThat(dashboard.body()).contains(name);
  }

  @Test
  void aRequestMadeInFrenchIsAnsweredInFrenchAndItsUserStartsInFrench() {
    String email = Registrations.newAddress("french");
    String name = "Les Amis des Prisons " + System.nanoTime();
    WebappSession person = new WebappSession(baseUrl());
    String form = person.get("/portal/register?lang=fr").body();
    Map<String, String> posted = new LinkedHashMap<>(Registrations.form(name, email));
    posted.put("_csrf", Registrations.csrfOf(form));
    assertThat(person.postForm("/portal/register", posted).statusCode()).isEqualTo(302);

    GreenMailServer.Received verify = GreenMailServer.awaitTo(email, m -> true).get(0);
    assertThat(verify.subject())
        .isEqualTo("Confirmez votre adresse \u00e9lectronique pour l'enregistrement de " + name);
    assertThat(verify.text()).contains("dans les 48 heures", "/portal/register/verify?token=");
    String reference = registrations.verify(verify);

    registrations.decide(reference, Map.of("reviewDecision", "APPROVE"));
    GreenMailServer.Received approved =
        Registrations.mail(email, "L'enregistrement de " + name + " est approuv\u00e9");
    assertThat(approved.text()).contains("Votre nom d'utilisateur est", reference);
    assertThat(
            jdbc.queryForObject(
                "select p.language from user_preference p join organisation_registration r"
                    + " on r.user_id = p.user_id where r.reference = ?",
                String.class,
                reference))
        .as("the organisation's user starts in the language it registered in")
        .isEqualTo("fr");

    WebappSession second = new WebappSession(baseUrl());
    Map<String, String> again = new LinkedHashMap<>(Registrations.form(name + " bis", email));
    again.put("_csrf", Registrations.csrfOf(second.get("/portal/register?lang=fr").body()));
    assertThat(second.postForm("/portal/register", again).statusCode()).isEqualTo(302);
    assertThat(
            GreenMailServer.awaitTo(
                email, m -> m.subject().equals("Enregistrement d'une organisation")))
        .as("an address in use is told so in French, apostrophes and all")
        .hasSize(1)
        .allSatisfy(m -> assertThat(m.text()).startsWith("Quelqu'un a demand\u00e9"));
  }

  @Test
  void aRejectionNeedsReasonsAndSendsThem() {
    String email = Registrations.newAddress("rejected");
    String name = "Rejected Friends " + System.nanoTime();
    registrations.request(name, email);
    String reference = registrations.verify(email);

    ResponseEntity<String> noReasons =
        new EngineTasks(this::as)
            .tryComplete(
                "lena",
                reference,
                RegistrationProcess.Element.REVIEW_ORGANISATION_REGISTRATION,
                Map.of("reviewDecision", "REJECT"));
    assertThat(noReasons.getStatusCode().value()).isEqualTo(400);
    assertThat(noReasons.getBody()).contains("Reasons");

    registrations.decide(
        reference,
        Map.of("reviewDecision", "REJECT", "reviewReasons", "Send us your statutes, please."));
    GreenMailServer.Received rejected = Registrations.mail(email, "The registration of");
    assertThat(rejected.subject()).isEqualTo("The registration of " + name + " is not approved");
    assertThat(rejected.text()).contains("Send us your statutes, please.", reference);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation where name = ?", Integer.class, name))
        .as("no organisation was created")
        .isZero();
  }

  @Test
  void anAddressInUseGetsAMessageSayingSoAndTheSamePage() {
    String email = Registrations.newAddress("twice");
    registrations.request("Twice Watch " + System.nanoTime(), email);
    registrations.request("Twice Watch Again " + System.nanoTime(), email);
    Registrations.mail(email, "Registration of an organisation");
    assertThat(GreenMailServer.to(email))
        .as("one link, and one message saying the address is in use")
        .extracting(GreenMailServer.Received::subject)
        .filteredOn(subject -> subject.startsWith("Confirm your e-mail address"))
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation_registration where email = ?",
                Integer.class,
                email))
        .isEqualTo(1);

    registrations.request("Staff Watch " + System.nanoTime(), "Sam@Prison.Example");
    assertThat(Registrations.mail("sam@prison.example", "Registration of an organisation").text())
        .as("a user's address, whatever its case")
        .contains("already in use");
  }

  @Test
  void aBadFormIsShownAgainNamingEveryFieldAndSavesNothing() {
    Integer before =
        jdbc.queryForObject("select count(*) from organisation_registration", Integer.class);
    String email = Registrations.newAddress("bad");
    Map<String, String> fields = new LinkedHashMap<>(Registrations.form("", "not-an-address"));
    fields.put("description", "x".repeat(2001));
    HttpResponse<String> refused = registrations.submit(fields);
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Register your organisation",
            "<a href=\"#organisationName\">Organisation name is required</a>",
            "<a href=\"#description\">Your organisation&#39;s work must be at most 2000 characters</a>",
            "<a href=\"#email\">E-mail address must be an e-mail address</a>",
            "id=\"organisationName-error\"",
            "not-an-address");
    assertThat(jdbc.queryForObject("select count(*) from organisation_registration", Integer.class))
        .as("nothing saved")
        .isEqualTo(before);
    assertThat(GreenMailServer.to(email)).isEmpty();
  }

  @Test
  void anExpiredLinkIsRefusedAndTheRequestIsClosed() {
    String email = Registrations.newAddress("late");
    registrations.request("Late Watch " + System.nanoTime(), email);
    String token = Registrations.token(Registrations.mail(email, "Confirm your e-mail address"));
    jdbc.update(
        "update organisation_registration set verification_expires_at = created_at - interval '1'"
            + " hour where email = ?",
        email);

    HttpResponse<String> expired =
        new WebappSession(baseUrl()).get("/portal/register/verify?token=" + token);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("This link has expired", "/portal/register");

    assertThat(useCase.expireUnverified()).isGreaterThanOrEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select status from organisation_registration where email = ?",
                String.class,
                email))
        .isEqualTo("EXPIRED");
    registrations.request("Late Watch, again " + System.nanoTime(), email);
    Eventually.within(Duration.ofSeconds(30), "the address is free again: a new link")
        .until(
            () ->
                GreenMailServer.to(email).stream()
                        .filter(m -> m.subject().startsWith("Confirm your e-mail address"))
                        .count()
                    == 2);

    HttpResponse<String> unknown =
        new WebappSession(baseUrl()).get("/portal/register/verify?token=not-a-token");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("This link is not valid");
  }

  @Test
  void aLinkOpenedTwiceAtOnceIsUsedOnceAndTwoFormsForOneAddressStoreOneRequest() {
    String email = Registrations.newAddress("race");
    String name = "Racing Visitors " + System.nanoTime();
    List<Integer> sent =
        Race.times(2, i -> registrations.submit(Registrations.form(name + " " + i, email))).stream()
            .map(HttpResponse::statusCode)
            .toList();
    assertThat(sent).as("both people see the same page").containsExactly(302, 302);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from organisation_registration where email = ?",
                Integer.class,
                email))
        .as("one open request per address")
        .isEqualTo(1);

    String token = Registrations.token(Registrations.mail(email, "Confirm your e-mail address"));
    List<WebappSession> people =
        List.of(new WebappSession(baseUrl()), new WebappSession(baseUrl()));
    List<String> csrf =
        people.stream()
            .map(p -> Registrations.csrfOf(p.get("/portal/register/verify?token=" + token).body()))
            .toList();
    List<Integer> confirmed =
        Race.times(
                2,
                i ->
                    people
                        .get(i)
                        .postForm(
                            "/portal/register/verify", Map.of("token", token, "_csrf", csrf.get(i)))
                        .statusCode())
            .stream()
            .sorted()
            .toList();
    assertThat(confirmed)
        .as("confirmed once, the other told it was used")
        .containsExactly(302, 410);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from act_ru_task t join act_ru_execution e on"
                    + " e.id_ = t.proc_inst_id_ join organisation_registration r on"
                    + " r.reference = e.business_key_ where r.email = ?",
                Integer.class,
                email))
        .as("one review")
        .isEqualTo(1);
  }

  private static String userOf(GreenMailServer.Received approved) {
    var matcher = Pattern.compile("Your user name is ([a-z0-9]+)\\.").matcher(approved.text());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
