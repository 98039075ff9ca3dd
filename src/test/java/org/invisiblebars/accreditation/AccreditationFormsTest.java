package org.invisiblebars.accreditation;

import static java.util.Map.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.invisiblebars.support.FormsContract;

/** The Camunda Forms of processes/ngo-accreditation.bpmn against what AccreditationTaskListener shows and reads. */
class AccreditationFormsTest extends FormsContract {

  private static final List<String> CRITERIA =
      List.of("knowledge", "expertise", "performance", "trackRecord", "commitment", "funds", "reputation");

  @Override
  protected Path bpmn() {
    return Path.of("processes/ngo-accreditation.bpmn");
  }

  @Override
  protected Map<String, Map<String, Field>> submitted() {
    Map<String, Field> ratings = new LinkedHashMap<>();
    Map<String, Field> failed = new LinkedHashMap<>();
    for (String criterion : CRITERIA) {
      ratings.put(criterion + "Rating", Field.number(1, 5));
      ratings.put(criterion + "Evidence", Field.text("textarea", true, 2000));
      failed.put("failed" + Character.toUpperCase(criterion.charAt(0)) + criterion.substring(1), Field.choice("checkbox", false));
    }
    Map<String, Field> decision = new LinkedHashMap<>(Map.of(
        "decision", Field.choice("radio", true),
        "decisionReasons", Field.text("textarea", true, 4000),
        "conditions", Field.text("textarea", true, 4000),
        "againstRecommendationReason", Field.text("textarea", false, 2000)));
    decision.putAll(failed);
    return Map.of(
        "verify-formal-mandate", Map.of(
            "mandateVerified", Field.choice("radio", true),
            "verificationNotes", Field.text("textarea", true, 2000)),
        "check-application-completeness", Map.of(
            "completeness", Field.choice("radio", true),
            "informationRequested", Field.text("textarea", true, 4000)),
        "rate-accreditation-criteria", ratings,
        "vet-representative", Map.of(
            "vetting", Field.choice("radio", true),
            "vettingReasons", Field.text("textarea", true, 2000)),
        "consult-staff", Map.of("staffViews", Field.text("textarea", true, 4000)),
        "decide-accreditation", decision,
        "draft-mou", Map.ofEntries(
            entry("mandateAndExpectations", Field.text("textarea", true, 4000)),
            entry("responsibilities", Field.text("textarea", true, 4000)),
            entry("days", Field.text("textfield", true, 200)),
            entry("hours", Field.text("textfield", true, 200)),
            entry("procedures", Field.text("textarea", true, 4000)),
            entry("allowedActivities", Field.text("textarea", true, 4000)),
            entry("excludedAreas", Field.text("textarea", true, 4000)),
            entry("confidentialityDays", Field.number(1, 365)),
            entry("termMonths", Field.number(1, 60)),
            entry("continuityPlan", Field.text("textarea", true, 4000)),
            entry("universalAccess", Field.choice("checkbox", false))),
        "sign-mou", Map.of(
            "mouSigned", Field.choice("checkbox", true),
            "signatureNotes", Field.text("textarea", false, 2000)),
        "prepare-renewal", Map.of("renewalNotes", Field.text("textarea", true, 4000)));
  }

  @Override
  protected Map<String, Map<String, String>> displayed() {
    Map<String, Map<String, String>> displayed = new LinkedHashMap<>();
    Map<String, Map<String, String>> extra = Map.of(
        "check-application-completeness", Map.of("informationHistory", "textarea"),
        "vet-representative", Map.of("representativeName", "textfield", "representativeRole", "textfield"),
        "decide-accreditation", Map.of("recommendationSummary", "textarea", "reviewSummary", "textarea"),
        "draft-mou", Map.of("decisionSummary", "textarea", "clearedRepresentatives", "textarea"),
        "sign-mou", Map.of("mouSummary", "textarea"),
        "prepare-renewal", Map.of("termSummary", "textarea"));
    for (String ref : submitted().keySet()) {
      Map<String, String> texts = new LinkedHashMap<>(Map.of("organisationName", "textfield", "applicationSummary", "textarea"));
      texts.putAll(extra.getOrDefault(ref, Map.of()));
      displayed.put(ref, texts);
    }
    return displayed;
  }
}
