package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The MoU and the representatives in the NGO portal, without a browser: an organisation reads its
 * draft MoU, proposes an amendment (refused first, naming the field), reads the liaison officer's
 * answer, agrees and countersigns after the confirmation step, downloads the PDF; it adds a
 * representative, which security vets in a task naming the person, and is told the decision by
 * e-mail. Another organisation's records are 404, staff are refused, the same person twice is
 * refused, and the API's route adds people with the same rules.
 */
class PortalMouIT extends ApiTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired IdentityService identityService;
  @Autowired OutboxSender sender;

  @Test
  void theOrganisationCommentsOnAgreesToCountersignsAndDownloadsItsMou() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Accredited other = fixture.accredited(MandateType.NGO, 1);
    String id = appliedBy(ngo);
    AccreditationReview.approve(engine, id, "Quarterly meeting with the director");
    Map<String, Object> clauses = new LinkedHashMap<>(mouClauses());
    clauses.put("conditions", "Quarterly meeting with the director");
    engine.complete("lena", id, AccreditationProcess.Element.DRAFT_MOU, clauses);
    String page = "/portal/accreditations/" + id + "/mou";

    WebappSession session = signedIn(ngo.user());
    HttpResponse<String> draft = session.get(page);
    assertThat(draft.statusCode()).isEqualTo(200);
    assertThat(draft.body())
        .contains(
            "Memorandum of understanding, version 1",
            "Drafted by",
            "lena",
            "Tuesdays and Thursdays",
            "13. Conditions of the director",
            "Quarterly meeting with the director",
            "Agree to version 1",
            "Propose an amendment");
    assertThat(signedIn(other.user()).get(page).statusCode())
        .as("another organisation's MoU")
        .isEqualTo(404);
    assertThat(signedIn("lena", "demo").get(page).statusCode()).as("staff").isEqualTo(403);

    String amendments = page.replace("/mou", "/mou/amendments");
    HttpResponse<String> refused =
        session.postForm(
            amendments,
            Map.of("version", "1", "clause", "4", "text", "", "reason", "", "_csrf", csrf(draft)));
    assertThat(refused.statusCode()).isEqualTo(200);
    assertThat(refused.body())
        .contains(
            "<title>Error: Memorandum of understanding",
            "<a href=\"#text\">The text you propose: is required</a>",
            "<a href=\"#reason\">Why you propose it: is required</a>");
    assertThat(read(ngo.user(), "/api/v1/accreditations/" + id + "/mou").get("amendments"))
        .as("nothing was saved")
        .isEmpty();

    HttpResponse<String> proposed =
        session.postForm(
            amendments,
            Map.of(
                "version",
                "1",
                "clause",
                "4",
                "text",
                "Mondays and Thursdays",
                "reason",
                "Our lawyers",
                "_csrf",
                csrf(draft)));
    assertThat(proposed.statusCode()).as("POST, redirect, GET").isEqualTo(302);
    assertThat(session.get(page).body())
        .contains(
            "Your amendment was sent",
            "Mondays and Thursdays",
            "Awaiting the liaison officer&#39;s answer")
        .doesNotContain("Agree to version 1");

    engine.complete(
        "lena",
        id,
        AccreditationProcess.Element.ANSWER_MOU_AMENDMENT,
        Map.of("answer", "ACCEPTED"));
    HttpResponse<String> revised =
        Eventually.within(Duration.ofSeconds(30), "version 2 of the MoU")
            .until(() -> session.get(page), p -> p.body().contains("version 2"));
    assertThat(revised.body()).contains("Accepted", "Agree to version 2", "Answered by");

    assertThat(
            session
                .postForm(
                    page.replace("/mou", "/mou/agreement"),
                    Map.of("version", "2", "_csrf", csrf(revised)))
                .statusCode())
        .isEqualTo(302);
    HttpResponse<String> agreed = session.get(page);
    assertThat(agreed.body())
        .contains("You agreed to the memorandum", "Countersign the memorandum");

    String countersignature = "/portal/accreditations/" + id + "/countersignature";
    HttpResponse<String> confirm = session.get(countersignature);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("commits to every clause", "You countersign version 2 of the memorandum");
    HttpResponse<String> noName =
        session.postForm(countersignature, Map.of("signatory", " ", "_csrf", csrf(confirm)));
    assertThat(noName.statusCode()).isEqualTo(200);
    assertThat(noName.body()).contains("govuk-error-summary", "href=\"#signatory\"");
    assertThat(status(ngo.user(), id)).isEqualTo("AWAITING_COUNTERSIGNATURE");
    assertThat(
            session
                .postForm(
                    countersignature, Map.of("signatory", "Alice Martin", "_csrf", csrf(confirm)))
                .statusCode())
        .isEqualTo(302);
    assertThat(status(ngo.user(), id)).isEqualTo("AWAITING_SIGNATURE");
    assertThat(session.get(page).body()).contains("You countersigned the memorandum");
    assertThat(session.get(countersignature).statusCode())
        .as("nothing to countersign any more")
        .isEqualTo(409);

    HttpResponse<String> pdf = session.get(page + ".pdf");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF");
    assertThat(signedIn(other.user()).get(page + ".pdf").statusCode()).isEqualTo(404);

    String visit = requestVisit(ngo).get("id").asText();
    assertThat(session.get("/portal/visits/" + visit + "/search-notice.pdf").statusCode())
        .as("no search notice before the visit is scheduled")
        .isEqualTo(409);
    assertThat(
            signedIn(other.user())
                .get("/portal/visits/" + visit + "/search-notice.pdf")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anAddedRepresentativeIsVettedBySecurityAndTheOrganisationIsToldTheDecision() {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    Accredited other = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    String name = "Grace Okafor " + RUN;

    WebappSession session = signedIn(ngo.user());
    HttpResponse<String> form = session.get("/portal/representatives/new");
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> empty =
        session.postForm(
            "/portal/representatives", Map.of("fullName", " ", "role", "", "_csrf", csrf(form)));
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("<a href=\"#fullName\">Full name: is required</a>");
    assertThat(list(ngo)).as("nothing saved").hasSize(1);

    HttpResponse<String> added =
        session.postForm(
            "/portal/representatives",
            Map.of("fullName", name, "role", "Lawyer", "_csrf", csrf(form)));
    assertThat(added.statusCode()).isEqualTo(302);
    HttpResponse<String> listed = session.get("/portal/representatives");
    assertThat(listed.body())
        .contains(name + " was added", name, "Vetting in progress", "for ACC-");
    HttpResponse<String> twice =
        session.postForm(
            "/portal/representatives",
            Map.of("fullName", name.toUpperCase(), "role", "", "_csrf", csrf(form)));
    assertThat(twice.statusCode()).isEqualTo(200);
    assertThat(twice.body())
        .contains("Full name: is already a representative of your organisation");
    HttpResponse<String> inSpanish = session.get("/portal/representatives/new?lang=es");
    HttpResponse<String> twiceInSpanish =
        session.postForm(
            "/portal/representatives",
            Map.of("fullName", name, "role", "", "_csrf", csrf(inSpanish)));
    assertThat(twiceInSpanish.body())
        .as("our rule's problem in the page's language")
        .contains("ya es representante de su organizaci\u00f3n")
        .doesNotContain("is already a representative");
    session.get("/portal/representatives/new?lang=en");
    assertThat(list(ngo)).hasSize(2);

    String accreditation = ngo.accreditationId().toString();
    String task = RepresentativeVettingProcess.Element.VET_REPRESENTATIVE;
    String taskId = engine.awaitTaskId("sam", accreditation, task);
    assertThat(engine.tasks("lena", accreditation, task)).as("security's task").isEmpty();
    assertThat(
            read("sam", "/engine-rest/task/" + taskId + "/form-variables")
                .at("/representativeName/value")
                .asText())
        .isEqualTo(name);
    assertThat(
            engine
                .completeTask(
                    "sam",
                    taskId,
                    Map.of("vetting", "CLEARED", "vettingReasons", "No record found"))
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(session.get("/portal/representatives").body()).contains("Cleared");

    sender.sendDue();
    List<Received> told = GreenMailServer.awaitTo(address, m -> m.subject().contains(name));
    assertThat(told).hasSize(1);
    assertThat(told.get(0).subject()).isEqualTo("Representative " + name + " cleared");
    assertThat(told.get(0).text())
        .contains("http://localhost:8080/portal/representatives")
        .doesNotContain("No record found");

    String api = "/api/v1/organisations/" + ngo.organisationId() + "/representatives";
    ResponseEntity<String> created =
        post(ngo.user(), api, Map.of("fullName", "Idris Bello " + RUN, "role", "Doctor"), null);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    assertThat(engine.read(created.getBody()).get("vetting").asText()).isEqualTo("PENDING");
    assertThat(
            post(ngo.user(), api, Map.of("fullName", "idris  bello " + RUN), null).getStatusCode())
        .as("the same person twice")
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(
            post(other.user(), api, Map.of("fullName", "Someone Else " + RUN), null)
                .getStatusCode())
        .as("another organisation")
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(post("lena", api, Map.of("fullName", "Staff Pick " + RUN), null).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(signedIn(other.user()).get("/portal/representatives").body()).doesNotContain(name);
    assertThat(signedIn("sam", "demo").get("/portal/representatives").statusCode()).isEqualTo(403);
  }

  private JsonNode list(Accredited ngo) {
    return read(ngo.user(), "/api/v1/organisations/" + ngo.organisationId() + "/representatives");
  }

  private String status(String user, String id) {
    return read(user, "/api/v1/accreditations/" + id).get("status").asText();
  }

  private JsonNode read(String user, String path) {
    return engine.read(user(user).getForObject(path, String.class));
  }

  private WebappSession signedIn(String user) {
    return signedIn(user, AccreditedOrganisations.PASSWORD);
  }

  private WebappSession signedIn(String user, String password) {
    var session = new WebappSession(baseUrl());
    HttpResponse<String> form = session.get("/portal/sign-in");
    HttpResponse<String> signIn =
        session.postForm(
            "/portal/sign-in", Map.of("username", user, "password", password, "_csrf", csrf(form)));
    assertThat(signIn.statusCode()).as(user + " signs in").isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location"))
        .hasValueSatisfying(to -> assertThat(to).doesNotContain("error"));
    return session;
  }

  private static String csrf(HttpResponse<String> page) {
    Matcher matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
    return matcher.group(1);
  }
}
