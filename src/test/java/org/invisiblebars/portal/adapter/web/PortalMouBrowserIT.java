package org.invisiblebars.portal.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.invisiblebars.support.AccreditationForms.mouClauses;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.support.AccreditationReview;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.AccreditedOrganisations.Accredited;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.PortalBrowser;
import org.invisiblebars.support.PortalMou;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The MoU and the representatives in headless Chromium, through the portal's pages only (staff act
 * through the engine REST API as Tasklist would): the organisation reads the draft MoU, sends an
 * empty amendment (the error summary names the fields), proposes one, reads the liaison officer's
 * answer, agrees, countersigns after the confirmation step, downloads the PDF with its session; it
 * adds a representative, sees the vetting in progress, and cleared once security decides. Every
 * page is checked (screenshot, axe-core WCAG 2.2 A/AA, no horizontal scrolling at 390 px).
 */
class PortalMouBrowserIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  private PortalBrowser portal;

  @BeforeEach
  void setUp() throws IOException {
    portal = PortalBrowser.start(baseUrl());
  }

  @AfterEach
  void tearDown() {
    if (portal != null) {
      portal.close();
    }
  }

  @Test
  void anOrganisationNegotiatesCountersignsAndDownloadsItsMouAndAddsARepresentative()
      throws IOException {
    Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String id = appliedBy(ngo);
    AccreditationReview.approve(engine, id, "Quarterly meeting with the director");
    Map<String, Object> clauses = new LinkedHashMap<>(mouClauses());
    clauses.put("conditions", "Quarterly meeting with the director");
    engine.complete("lena", id, AccreditationProcess.Element.DRAFT_MOU, clauses);
    PortalMou mou = new PortalMou(portal);

    portal.open("/portal");
    portal.signIn(ngo.user(), AccreditedOrganisations.PASSWORD);
    portal.awaitHeading("Open Doors");
    mou.open(id);
    assertThat(portal.text())
        .contains("version 1", "Drafted by", "Quarterly meeting with the director");
    portal.check("portal-mou-draft");

    mou.propose(null, "", "");
    assertThat(portal.text())
        .contains("There is a problem", "Clause: is required", "The text you propose: is required");
    portal.check("portal-mou-amendment-refused");

    mou.propose(4, "Mondays and Thursdays", "Our lawyers advise it");
    assertThat(portal.text()).contains("Your amendment was sent", "Awaiting the liaison officer");
    portal.check("portal-mou-amendment-sent");

    engine.complete(
        "lena",
        id,
        AccreditationProcess.Element.ANSWER_MOU_AMENDMENT,
        Map.of(
            "answer",
            "COUNTER_PROPOSED",
            "counterProposal",
            "Tuesdays and Thursdays, and Mondays in summer",
            "answerReasons",
            "Mondays are for family visits"));
    // the answer's job may still be running when the page first shows version 2: wait until the
    // page offers to agree to it
    Eventually.within(Duration.ofSeconds(30), "version 2 on the page, to agree to")
        .until(
            () -> {
              mou.open(id);
              return portal.text();
            },
            text ->
                text.contains("version 2")
                    && !portal.driver().findElements(By.id("agree")).isEmpty());
    assertThat(portal.text())
        .contains("Another text proposed", "Mondays are for family visits", "Answered by");
    portal.check("portal-mou-answered");

    mou.agree();
    portal.check("portal-mou-agreed");
    mou.openCountersignature();
    assertThat(portal.text()).contains("commits to every clause");
    portal.check("portal-countersign");
    mou.countersign(" ");
    portal.awaitHeading("Countersign the memorandum");
    assertThat(portal.text()).contains("There is a problem");
    portal.check("portal-countersign-refused");
    mou.countersign("Alice Martin");
    portal.awaitHeading("Memorandum of understanding");
    assertThat(portal.text())
        .contains("You countersigned the memorandum", "awaiting the director's signature");
    portal.check("portal-mou-countersigned");

    HttpResponse<byte[]> pdf = mou.download("download-mou");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(new String(Arrays.copyOf(pdf.body(), 4), StandardCharsets.US_ASCII))
        .isEqualTo("%PDF");

    String name = "Grace Okafor " + RUN;
    mou.openRepresentatives();
    portal.check("portal-representatives");
    mou.addRepresentative("", "");
    portal.awaitHeading("Add a representative");
    assertThat(portal.text()).contains("Full name: is required");
    portal.check("portal-representative-refused");
    mou.addRepresentative(name, "Lawyer");
    portal.awaitHeading("Your representatives");
    assertThat(portal.text()).contains(name + " was added", "Vetting in progress");
    portal.check("portal-representative-added");

    String task =
        // vetted for the latest application, the one just countersigned
        engine.awaitTaskId("sam", id, RepresentativeVettingProcess.Element.VET_REPRESENTATIVE);
    engine.completeTask("sam", task, Map.of("vetting", "CLEARED", "vettingReasons", "No record"));
    mou.openRepresentatives();
    assertThat(portal.text()).contains(name).contains("Cleared").doesNotContain("No record");
    portal.check("portal-representatives-cleared");
  }
}
