package org.invisiblebars.entry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.invisiblebars.support.FormsContract;

/** The Camunda Forms of processes/entry-authorisation.bpmn against what VisitTaskListener shows and reads. */
class EntryFormsTest extends FormsContract {

  @Override
  protected Path bpmn() {
    return Path.of("processes/entry-authorisation.bpmn");
  }

  @Override
  protected Map<String, Map<String, Field>> submitted() {
    return Map.of(
        "assess-visit-risk", Map.of(
            "riskDecision", Field.choice("radio", true),
            "risk", Field.choice("radio", false),
            "overrideReasons", Field.text("textarea", false, 4000)),
        "authorise-visit", Map.of(
            "authorisation", Field.choice("radio", true),
            "authorisedSearchLevel", Field.choice("radio", false),
            "conditions", Field.text("textarea", false, 4000),
            "denialReasons", Field.text("textarea", false, 4000)),
        "schedule-visit", Map.of(
            "escort", Field.text("textfield", true, 200),
            "meetingPoint", Field.text("textfield", true, 500)),
        "hold-security-briefing", Map.of(
            "briefingHeld", Field.choice("checkbox", true),
            "briefingNotes", Field.text("textarea", false, 2000)),
        "check-in-visitor", Map.of(
            "acknowledgedAtGate", Field.choice("checkbox", false),
            "entryOutcome", Field.choice("radio", true),
            "appliedSearchLevel", Field.choice("radio", false),
            "itemsFound", Field.text("textarea", false, 2000)),
        "check-out-visitors", Map.of(
            "incidentOccurred", Field.choice("checkbox", false),
            "incidentDescription", Field.text("textarea", false, 4000)),
        "account-for-visitors", Map.of("account", Field.text("textarea", true, 4000)));
  }

  @Override
  protected Map<String, Map<String, String>> displayed() {
    Map<String, Map<String, String>> extra = Map.of(
        "assess-visit-risk", Map.of("riskProposal", "textarea"),
        "authorise-visit", Map.of("assessmentSummary", "textarea"),
        "schedule-visit", Map.of("authorisationSummary", "textarea"),
        "hold-security-briefing", Map.of("representativeName", "textfield"),
        "check-in-visitor", Map.of("representativeName", "textfield", "gateSummary", "textarea", "authorisationSummary", "textarea"),
        "check-out-visitors", Map.of("enteredSummary", "textarea"),
        "account-for-visitors", Map.of("enteredSummary", "textarea"));
    Map<String, Map<String, String>> displayed = new LinkedHashMap<>();
    for (String ref : submitted().keySet()) {
      Map<String, String> texts = new LinkedHashMap<>(Map.of("visitSummary", "textarea"));
      texts.putAll(extra.get(ref));
      displayed.put(ref, texts);
    }
    return displayed;
  }
}
