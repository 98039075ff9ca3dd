package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.invisiblebars.support.SampleFiles;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Applying for accreditation in the portal, without a browser, with two organisations at once: the
 * question pages keep a draft (save and come back), refuse bad answers naming the field, take only
 * real PDF, PNG and JPEG files (an executable named {@code .pdf} is refused and nothing stored),
 * refuse a submission without the required documents, and submit through the same use case as the
 * API; the documents are opened by their own organisation and by reviewing staff only, as
 * downloads; an answer to a request for information takes files in the same transaction.
 */
class PortalApplicationIT extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String BASE = "/portal/accreditations/new";

  @Autowired TaskService taskService;

  private Fixtures fixtures;
  private String facility;

  @BeforeEach
  void setUp() {
    fixtures = new Fixtures(rest, this::as, taskService);
    facility = fixtures.facility("Central Prison");
  }

  @Test
  void anOrganisationAppliesStepByStepWithItsDocumentsAndOnlyItsPeopleAndReviewersOpenThem() {
    Ngo ngo = fixtures.organisation("Applying Watch", "NGO");
    Ngo other = fixtures.organisation("Applying Other", "NGO");
    WebappSession session = signedIn(ngo);
    WebappSession otherSession = signedIn(other);

    String dashboard = session.get("/portal").body();
    assertThat(dashboard)
        .contains("href=\"/portal/accreditations/new\"", "Apply for accreditation");
    assertThat(session.get(BASE).headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith(BASE + "/facilities"));

    // the first page, saved for later
    HttpResponse<String> saved =
        post(session, BASE + "/facilities", Map.of("facilityIds", facility, "action", "save"));
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(saved.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith("/portal"));
    assertThat(session.get("/portal").body())
        .contains("Your application was saved", "Continue your application");
    assertThat(otherSession.get("/portal").body())
        .as("another organisation's draft is its own")
        .doesNotContain("Continue your application");
    assertThat(session.get(BASE + "/facilities").body())
        .as("the answer comes back")
        .containsPattern("value=\"" + facility + "\"\\s+checked");

    // a wrong answer names its field, and the page keeps what was typed
    HttpResponse<String> refused =
        post(
            session,
            BASE + "/activity",
            Map.of(
                "programmeType", "MONITORING",
                "proposedActivity", "",
                "sustainabilityMonths", "many",
                "action", "continue"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: What will your organisation do?",
            "href=\"#proposedActivity\"",
            "Months of secured funding must be a whole number of months",
            "id=\"sustainabilityMonths-error\"",
            "value=\"many\"");
    assertThat(
            post(
                    session,
                    BASE + "/activity",
                    Map.of(
                        "programmeType", "MONITORING",
                        "proposedActivity", "Monthly monitoring of cells",
                        "sustainabilityMonths", "24",
                        "action", "continue"))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith(BASE + "/representatives"));
    assertThat(
            session
                .send(
                    "POST",
                    BASE + "/representatives",
                    "application/x-www-form-urlencoded",
                    "text/html",
                    ("fullName=Ada+Monitor&role=Monitor&fullName=&role=&fullName=Ben+Doctor&role="
                            + "&action=continue&_csrf="
                            + csrfOf(session.get(BASE + "/representatives").body()))
                        .getBytes(StandardCharsets.UTF_8))
                .headers()
                .firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith(BASE + "/documents"));

    // an executable named .pdf is refused naming its field, and the good file beside it is not kept
    HttpResponse<String> exe =
        upload(
            session,
            BASE + "/documents",
            List.of(
                new Part("statutes", "statutes.pdf", SampleFiles.executable()),
                new Part("registrationCertificate", "certificate.png", SampleFiles.png())),
            Map.of("action", "continue"));
    assertThat(exe.statusCode()).isEqualTo(200);
    assertThat(exe.body())
        .contains(
            "href=\"#statutes\"",
            "Statutes must be a PDF, PNG or JPEG file",
            "id=\"statutes-error\"",
            "You have not uploaded any document yet");

    byte[] statutes = SampleFiles.pdf("Statutes of Applying Watch");
    HttpResponse<String> uploaded =
        upload(
            session,
            BASE + "/documents",
            List.of(
                new Part("statutes", "Statutes 2026.pdf", statutes),
                new Part("registrationCertificate", "certificate.png", SampleFiles.png()),
                new Part("financialStatement", "accounts.jpg", SampleFiles.jpeg()),
                new Part("reference", "letter-1.pdf", SampleFiles.pdf("Reference one")),
                new Part("reference", "letter-2.pdf", SampleFiles.pdf("Reference two"))),
            Map.of("action", "continue"));
    assertThat(uploaded.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).endsWith(BASE + "/check"));

    String check = session.get(BASE + "/check").body();
    assertThat(check)
        .contains(
            "Check your answers before you apply",
            "Central Prison",
            "Monthly monitoring of cells",
            "Ada Monitor, Monitor",
            "Ben Doctor",
            "Statutes 2026.pdf",
            "certificate.png",
            "accounts.jpg",
            "letter-1.pdf",
            "letter-2.pdf")
        .doesNotContain("Not uploaded");
    String document = documentId(check, "Statutes 2026.pdf");

    // who opens the document: its organisation and the reviewing staff, as a download
    ResponseEntity<byte[]> own =
        fixtures.as(ngo).getForEntity("/portal/documents/" + document, byte[].class);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).isEqualTo(statutes);
    assertThat(own.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(own.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
        .startsWith("attachment;");
    assertThat(own.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("Statutes 2026.pdf");
    assertThat(own.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(
            fixtures
                .as(other)
                .getForEntity("/portal/documents/" + document, String.class)
                .getStatusCode())
        .as("another organisation's document is not found")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(otherSession.get("/portal/documents/" + document).statusCode()).isEqualTo(404);
    assertThat(new WebappSession(baseUrl()).get("/portal/documents/" + document).statusCode())
        .as("anonymous: to the sign-in form")
        .isEqualTo(302);
    assertThat(as("lena").getForEntity("/documents/" + document, String.class).getStatusCode())
        .as("a draft's documents are the organisation's alone until it applies")
        .isEqualTo(HttpStatus.NOT_FOUND);

    // submit: the accreditation, its documents, and no draft any more
    HttpResponse<String> submitted = post(session, BASE + "/check", Map.of());
    assertThat(submitted.statusCode()).isEqualTo(302);
    String location = submitted.headers().firstValue("Location").orElseThrow();
    String accreditation = location.substring(location.lastIndexOf('/') + 1);
    String page = session.get("/portal/accreditations/" + accreditation).body();
    assertThat(page)
        .contains(
            "Your application was submitted",
            "Submitted: the liaison officer checks it",
            "Statutes 2026.pdf",
            "accounts.jpg");
    assertThat(session.get("/portal").body()).doesNotContain("Continue your application");
    JsonNode api =
        new EngineTasks(this::as)
            .read(
                fixtures
                    .as(ngo)
                    .getForObject("/api/v1/accreditations/" + accreditation, String.class));
    assertThat(api.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(api.get("programmeType").asText()).isEqualTo("MONITORING");
    assertThat(
            fixtures
                .as(ngo)
                .getForObject(
                    "/api/v1/organisations/" + ngo.organisationId() + "/representatives",
                    String.class))
        .as("the representatives named on the page")
        .contains("Ada Monitor", "Ben Doctor");

    for (String reviewer : List.of("lena", "martha", "sam")) {
      ResponseEntity<byte[]> opened =
          as(reviewer).getForEntity("/documents/" + document, byte[].class);
      assertThat(opened.getStatusCode()).as(reviewer).isEqualTo(HttpStatus.OK);
      assertThat(opened.getBody()).as(reviewer).isEqualTo(statutes);
      assertThat(opened.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
          .startsWith("attachment;");
    }
    for (String outsider : List.of("maria", "paula", "olivia")) {
      assertThat(as(outsider).getForEntity("/documents/" + document, String.class).getStatusCode())
          .as(outsider)
          .isEqualTo(HttpStatus.FORBIDDEN);
    }
    assertThat(
            fixtures.as(ngo).getForEntity("/documents/" + document, String.class).getStatusCode())
        .as("the staff's route is not the organisation's")
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(
            as("lena")
                .getForEntity("/documents/" + UUID.randomUUID(), String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    // the liaison officer's completeness check lists the documents, linked to the staff's route
    EngineTasks engine = new EngineTasks(this::as);
    String task =
        engine.awaitTaskId(
            "lena", accreditation, AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS);
    String shown =
        engine
            .read(
                as("lena")
                    .getForObject("/engine-rest/task/" + task + "/form-variables", String.class))
            .at("/supportingDocuments/value")
            .asText();
    assertThat(shown)
        .contains(
            "[Statutes: Statutes 2026\\.pdf (1 KB)](/documents/" + document + ")",
            "Registration certificate: certificate\\.png",
            "Latest financial statement: accounts\\.jpg",
            "Reference: letter\\-1\\.pdf",
            "Reference: letter\\-2\\.pdf");
  }

  @Test
  void submittingWithoutTheRequiredDocumentsNamesThemAndStoresNothing() {
    Ngo ngo = fixtures.organisation("Applying Without Papers", "NGO");
    WebappSession session = signedIn(ngo);
    post(session, BASE + "/facilities", Map.of("facilityIds", facility, "action", "continue"));
    post(
        session,
        BASE + "/activity",
        Map.of(
            "programmeType", "FAMILY_LIAISON",
            "proposedActivity", "Family days",
            "sustainabilityMonths", "12",
            "action", "continue"));
    upload(
        session,
        BASE + "/documents",
        List.of(new Part("statutes", "statutes.pdf", SampleFiles.pdf("Statutes"))),
        Map.of("action", "continue"));

    HttpResponse<String> refused = post(session, BASE + "/check", Map.of());
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Check your answers",
            "href=\"/portal/accreditations/new/representatives#representatives\"",
            "href=\"/portal/accreditations/new/documents#registrationCertificate\"",
            "Registration certificate is required",
            "href=\"/portal/accreditations/new/documents#financialStatement\"")
        .doesNotContain("href=\"/portal/accreditations/new/documents#statutes\"");
    assertThat(fixtures.as(ngo).getForObject("/api/v1/accreditations", String.class))
        .as("no accreditation was created")
        .doesNotContain("\"reference\"");
    assertThat(session.get("/portal").body())
        .as("the draft is still there")
        .contains("Continue your application");

    // a document can be removed from the draft, by its organisation only
    String check = session.get(BASE + "/check").body();
    String document = documentId(check, "statutes.pdf");
    Ngo other = fixtures.organisation("Applying Remover", "NGO");
    WebappSession otherSession = signedIn(other);
    post(otherSession, BASE + "/facilities", Map.of("action", "save"));
    assertThat(
            post(otherSession, BASE + "/documents/" + document + "/removal", Map.of()).statusCode())
        .isEqualTo(404);
    assertThat(post(session, BASE + "/documents/" + document + "/removal", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(session.get(BASE + "/documents").body()).doesNotContain("statutes.pdf");
  }

  @Test
  void aFileOverTheLimitIsRefusedByThePageWithNothingStored() {
    Ngo ngo = fixtures.organisation("Applying Large", "NGO");
    WebappSession session = signedIn(ngo);
    HttpResponse<String> refused =
        upload(
            session,
            BASE + "/documents",
            List.of(new Part("statutes", "huge.pdf", SampleFiles.pdfOfSize(10 * 1024 * 1024 + 1))),
            Map.of("action", "continue"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "govuk-error-summary",
            "must be at most 10 MB",
            "You have not uploaded any document yet");
  }

  @Test
  void anAnswerToARequestForInformationTakesFilesInTheSameTransaction() {
    Ngo asked = fixtures.applied("Answering With Files", facility);
    new EngineTasks(this::as)
        .complete(
            "lena",
            asked.accreditationId(),
            AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS,
            Map.of("completeness", "INCOMPLETE", "informationRequested", "Your audited accounts?"));
    WebappSession session = signedIn(asked);
    String path = "/portal/accreditations/" + asked.accreditationId() + "/information";

    HttpResponse<String> refused =
        upload(
            session,
            path,
            List.of(new Part("informationAnswer", "accounts.pdf", SampleFiles.text())),
            Map.of("information", "Our accounts are attached"));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains("href=\"#informationAnswer\"", "The file must be a PDF, PNG or JPEG file");
    assertThat(
            fixtures
                .as(asked)
                .getForObject("/api/v1/accreditations/" + asked.accreditationId(), String.class))
        .as("the answer was not taken without its file")
        .contains("\"status\":\"AWAITING_INFORMATION\"");

    HttpResponse<String> answered =
        upload(
            session,
            path,
            List.of(
                new Part("informationAnswer", "audited accounts.pdf", SampleFiles.pdf("Accounts"))),
            Map.of("information", "Our accounts are attached"));
    assertThat(answered.statusCode()).isEqualTo(302);
    assertThat(session.get("/portal/accreditations/" + asked.accreditationId()).body())
        .contains(
            "Your answer was sent",
            "Sent with your answer to a request for information",
            "audited accounts.pdf");
  }

  private record Part(String field, String fileName, byte[] content) {}

  private WebappSession signedIn(Ngo ngo) {
    var session = new WebappSession(baseUrl());
    String token = csrfOf(session.get("/portal/sign-in").body());
    HttpResponse<String> signIn =
        session.postForm(
            "/portal/sign-in",
            Map.of("username", ngo.user(), "password", Fixtures.PASSWORD, "_csrf", token));
    assertThat(signIn.statusCode()).isEqualTo(302);
    return session;
  }

  /** Posts a page's form with the page's CSRF token. */
  private HttpResponse<String> post(
      WebappSession session, String path, Map<String, String> fields) {
    Map<String, String> withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", csrfOf(session.get("/portal").body()));
    return session.postForm(path, withToken);
  }

  /** Posts files as a browser does, the CSRF token in the address as the page's form has it. */
  private HttpResponse<String> upload(
      WebappSession session, String path, List<Part> parts, Map<String, String> fields) {
    String token = csrfOf(session.get("/portal").body());
    String boundary = "----portal-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    List<byte[]> chunks = new ArrayList<>();
    fields.forEach(
        (name, value) ->
            chunks.add(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    for (Part part : parts) {
      chunks.add(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + part.field()
                  + "\"; filename=\""
                  + part.fileName()
                  + "\"\r\nContent-Type: application/pdf\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      chunks.add(part.content());
      chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    chunks.forEach(body::writeBytes);
    return session.send(
        "POST",
        path + "?_csrf=" + token,
        "multipart/form-data; boundary=" + boundary,
        "text/html",
        body.toByteArray());
  }

  /** The id of the document linked under that name on a page. */
  private static String documentId(String page, String fileName) {
    Matcher link =
        Pattern.compile(
                "href=\"/portal/documents/([0-9a-f-]{36})\">" + Pattern.quote(fileName) + "<")
            .matcher(page);
    assertThat(link.find()).as("a link to " + fileName).isTrue();
    return link.group(1);
  }

  private static String csrfOf(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
