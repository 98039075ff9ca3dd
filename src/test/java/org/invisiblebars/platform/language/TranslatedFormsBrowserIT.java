package org.invisiblebars.platform.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.identity.UserPreferences;
import org.invisiblebars.platform.identity.UserPreferences.Digest;
import org.invisiblebars.platform.identity.UserPreferences.Preference;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.StaffUsers;
import org.invisiblebars.support.TasklistBrowser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A liaison officer who chose Spanish works a task in Tasklist with its form in Spanish: she reads
 * the Spanish question, chooses the Spanish option, writes the request and completes the task; the
 * process receives the option's value, as with the English form.
 */
class TranslatedFormsBrowserIT extends ApiTest {

  private static final String FORM = "check-application-completeness";

  @Autowired IdentityService identityService;
  @Autowired UserPreferences preferences;
  @Autowired FormTranslations translations;

  @Test
  void anOfficerWhoChoseSpanishCompletesATaskWithItsFormInSpanish() throws Exception {
    String officer = StaffUsers.ensure(identityService, "liaisones", "ngo-liaison");
    preferences.save(officer, new Preference(Locale.forLanguageTag("es"), Digest.IMMEDIATE, true));
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String accreditation = appliedBy(ngo);
    String task = engine.awaitTaskId("lena", accreditation, "Task_CheckApplicationCompleteness");
    Map<String, String> spanish = translations.catalogue("es", FORM);
    String question = spanish.get("Is the application complete?");
    String incomplete = spanish.get("Incomplete \u2014 ask the organisation for more information");
    String requested = spanish.get("Information requested from the organisation");

    try (TasklistBrowser browser = TasklistBrowser.start()) {
      browser.logIn(baseUrl(), officer, AccreditedOrganisations.PASSWORD);
      browser.openAndClaim(baseUrl(), task);
      browser.await(
          "form-in-spanish",
          ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), question));
      assertThat(browser.driver().findElement(By.tagName("body")).getText())
          .as("no English left in the form")
          .doesNotContain("Is the application complete?", "Application summary");
      browser.choose(incomplete.substring(0, incomplete.indexOf(' ')));
      browser.type(requested, "Los estatutos firmados, por favor.");
      browser.screenshot("tasklist-form-in-spanish");
      browser.complete();
      Eventually.within(Duration.ofSeconds(30), "the task completed")
          .until(() -> status(ngo, accreditation).equals("AWAITING_INFORMATION"));
    }

    assertThat(accreditation(ngo, accreditation).get("informationRequested").asText())
        .isEqualTo("Los estatutos firmados, por favor.");
  }

  private String status(AccreditedOrganisations.Accredited ngo, String id) {
    return accreditation(ngo, id).get("status").asText();
  }

  private JsonNode accreditation(AccreditedOrganisations.Accredited ngo, String id) {
    return engine.read(user(ngo.user()).getForObject("/api/v1/accreditations/" + id, String.class));
  }
}
