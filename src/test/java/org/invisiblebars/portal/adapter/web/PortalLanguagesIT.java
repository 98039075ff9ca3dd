package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The portal and the documents in the reader's language, without a browser: the browser's language
 * (Accept-Language) chooses French or Spanish, any other is answered in English, the switch's
 * {@code ?lang=} link keeps a choice that outlasts the browser's, the errors of a form are worded
 * in the page's language, and the search notice PDF comes in the language of who asks.
 */
class PortalLanguagesIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private static Ngo asked;
  private static Ngo monitor;
  private static String visit;

  @Autowired TaskService taskService;
  @Autowired RepresentativeRepository representatives;

  @BeforeEach
  void organisations() {
    if (asked == null) {
      Fixtures fixtures = new Fixtures(rest, this::as, taskService);
      String facility = fixtures.facility("Central Prison");
      asked = fixtures.applied("Langues Watch", facility);
      new EngineTasks(this::as)
          .complete(
              "lena",
              asked.accreditationId(),
              AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS,
              Map.of("completeness", "INCOMPLETE", "informationRequested", "Vos statuts ?"));
      monitor = fixtures.registeredMandate("Mecanismo Idiomas", facility);
      UUID representative =
          representatives
              .findByOrganisationId(UUID.fromString(monitor.organisationId()))
              .get(0)
              .getId();
      visit =
          fixtures.visit(monitor, facility, List.of(representative), PortalBrowserIT.nextWeekday());
    }
  }

  @Test
  void theBrowsersLanguageChoosesFrenchOrSpanishAndAnyOtherGetsEnglish() {
    var session = new WebappSession(baseUrl());

    String french =
        session
            .get("/portal/sign-in", Map.of("Accept-Language", "fr-CA,fr;q=0.9"))
            .body()
            .replaceAll("\\s+", " ");
    assertThat(french)
        .contains(
            "<html lang=\"fr\"",
            "<title>Se connecter — portail des ONG Invisible Bars</title>",
            "Aller au contenu principal",
            "<label class=\"govuk-label\" for=\"username\">Nom d’utilisateur</label>",
            "<a class=\"govuk-link\" href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>",
            "<span aria-current=\"true\" lang=\"fr\">Français</span>")
        .doesNotContain("Sign in");

    String spanish =
        session.get("/portal/sign-in", Map.of("Accept-Language", "de;q=1, es;q=0.8")).body();
    assertThat(spanish)
        .as("the first of the browser's languages we write in")
        .contains("<html lang=\"es\"", "Iniciar sesión", "Contraseña");

    String german = session.get("/portal/sign-in", Map.of("Accept-Language", "de")).body();
    assertThat(german).contains("<html lang=\"en\"", "Sign in", "User name");
  }

  @Test
  void theSwitchKeepsTheChoiceOverTheBrowsersLanguage() {
    var session = signedIn(asked.user());
    Map<String, String> english = Map.of("Accept-Language", "en-GB");

    HttpResponse<String> switched = session.get("/portal?lang=es", english);
    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(switched.headers().allValues("Set-Cookie"))
        .anySatisfy(
            cookie ->
                assertThat(cookie)
                    .startsWith("invisible-bars-language=es")
                    .contains("HttpOnly", "SameSite=Lax"));
    assertThat(switched.body())
        .contains(
            "<html lang=\"es\"",
            "Su organización",
            "Acreditaciones",
            "Información solicitada a su organización",
            "Responder a la solicitud de información: Vos statuts ?",
            "Plazo",
            "Sesión iniciada como");

    String later = session.get("/portal/accreditations/" + asked.accreditationId(), english).body();
    assertThat(later)
        .as("the choice outlasts the browser's language")
        .contains(
            "<html lang=\"es\"",
            "Acreditación ACC-",
            "Fecha de presentación",
            " de 20",
            "UTC",
            "Responder a la solicitud de información</a>");

    assertThat(session.get("/portal?lang=xx-invalid-", english).statusCode())
        .as("a language we do not write in is no error")
        .isEqualTo(200);
    assertThat(session.get("/portal?lang=fr", english).body())
        .contains("<html lang=\"fr\"", "Accréditations", "Se déconnecter");
    assertThat(session.get("/portal/accreditations/" + UUID.randomUUID(), english).body())
        .contains("Page introuvable");
  }

  @Test
  void aRefusedAnswerIsWordedInThePagesLanguageAndNothingIsSaved() {
    var session = signedIn(asked.user());
    String path = "/portal/accreditations/" + asked.accreditationId() + "/information";

    HttpResponse<String> form = session.get(path + "?lang=fr");
    assertThat(form.body())
        .contains("Répondre à la demande d’informations", "Vos statuts ?", "4 000 caractères");
    HttpResponse<String> empty =
        session.postForm(path, Map.of("information", " ", "_csrf", csrfOf(form.body())));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body())
        .contains(
            "<title>Erreur : Répondre à la demande d’informations",
            "Un problème est survenu",
            "<a href=\"#information\">Votre réponse est obligatoire</a>");

    session.get(path + "?lang=es");
    HttpResponse<String> tooLong =
        session.postForm(
            path, Map.of("information", "x".repeat(4001), "_csrf", csrfOf(form.body())));
    assertThat(tooLong.body())
        .contains(
            "<html lang=\"es\"",
            "Hay un problema",
            "El campo «Su respuesta» debe tener como máximo 4000 caracteres");
    assertThat(
            rest.withBasicAuth(asked.user(), Fixtures.PASSWORD)
                .getForObject("/api/v1/accreditations/" + asked.accreditationId(), String.class))
        .as("nothing was saved")
        .contains("\"status\":\"AWAITING_INFORMATION\"");
  }

  @Test
  void theSearchNoticePdfIsInTheLanguageOfWhoAsks() throws IOException {
    EngineTasks engine = new EngineTasks(this::as);
    if (engine.tasks("sam", visit, "Task_AssessVisitRisk").size() > 0) {
      engine.complete("sam", visit, "Task_AssessVisitRisk", Map.of("riskDecision", "CONFIRM"));
    }
    engine.awaitTaskId("lena", visit, "Task_ScheduleVisit");
    engine.complete(
        "lena",
        visit,
        "Task_ScheduleVisit",
        Map.of("escort", "Officer Grey", "meetingPoint", "Main gate, 09:45"));

    for (var language :
        Map.of(
                "fr",
                List.of("Avis de fouille", "Ce document est rédigé en français.", "Vos droits"),
                "es",
                List.of("Aviso de registro", "Este documento está redactado en español."),
                "en-US",
                List.of("Search notice", "This document is in English."))
            .entrySet()) {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.ACCEPT_LANGUAGE, language.getKey());
      ResponseEntity<byte[]> pdf =
          rest.withBasicAuth(monitor.user(), Fixtures.PASSWORD)
              .exchange(
                  "/api/v1/visits/" + visit + "/search-notice.pdf",
                  HttpMethod.GET,
                  new HttpEntity<>(headers),
                  byte[].class);
      assertThat(pdf.getStatusCode().value()).as(language.getKey()).isEqualTo(200);
      try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
        assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " "))
            .as(language.getKey())
            .contains(language.getValue());
        assertThat(document.getDocumentCatalog().getLanguage())
            .isEqualTo(language.getKey().substring(0, 2));
      }
    }
  }

  @Test
  void inABrowserTheSwitchShowsTheDashboardInFrenchAndARecordInSpanish() throws IOException {
    try (PortalBrowser portal = PortalBrowser.start(baseUrl())) {
      WebDriver driver = portal.driver();
      portal.open("/portal/sign-in");
      portal.awaitHeading("Sign in");
      portal.click("Français", By.cssSelector("a[hreflang='fr']"));
      portal.awaitHeading("Se connecter");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      portal.signIn(asked.user(), Fixtures.PASSWORD);

      portal.awaitHeading("Langues Watch");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
      assertThat(portal.text())
          .contains(
              "Votre organisation",
              "Accréditations",
              "Informations demandées à votre organisation",
              "Répondre à la demande d’informations : Vos statuts ?",
              "Date limite",
              "Connecté en tant que");
      portal.check("portal-fr-dashboard");

      portal.click(
          "the accreditation",
          By.cssSelector("a[href='/portal/accreditations/" + asked.accreditationId() + "']"));
      portal.awaitHeading("Accréditation ACC-");
      portal.click("Español", By.cssSelector("a[hreflang='es']"));
      portal.awaitHeading("Acreditación ACC-");
      assertThat(driver.getCurrentUrl()).endsWith("?lang=es");
      assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("es");
      assertThat(portal.text())
          .contains("Volver a su organización", "Estado", "Mandato y programa", "ONG");
      portal.check("portal-es-accreditation");

      portal.click("answer", By.linkText("Responder a la solicitud de información"));
      portal.awaitHeading("Responder a la solicitud de información");
      portal.click("send empty", By.cssSelector("main form button[type='submit']"));
      portal
          .browser()
          .await(
              "error summary",
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector(".govuk-error-summary")));
      assertThat(driver.getTitle()).startsWith("Error: ");
      assertThat(driver.findElement(By.id("information-error")).getText())
          .contains("El campo «Su respuesta» es obligatorio");
      portal.check("portal-es-information-error");
    }
  }

  private WebappSession signedIn(String user) {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/portal/sign-in").body());
    HttpResponse<String> signIn =
        session.postForm(
            "/portal/sign-in",
            Map.of("username", user, "password", Fixtures.PASSWORD, "_csrf", token));
    assertThat(signIn.statusCode()).as(user + " signs in").isEqualTo(302);
    return session;
  }

  private static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
