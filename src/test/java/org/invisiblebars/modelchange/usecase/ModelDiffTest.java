package org.invisiblebars.modelchange.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a director reads about a process owner's change, for our own models changed the way a
 * process owner would change them in Camunda Modeler: one line per change, in the file's order.
 */
class ModelDiffTest {

  private static final String BPMN = text("processes/report-review.bpmn");
  private static final String DMN = text("processes/search-protocol.dmn");
  private static final String FORM = text("forms/decide-contested-incident.form");

  @Nested
  class Processes {

    @Test
    void theSameFileSavedOnWindowsIsUnchanged() {
      String saved = BPMN.replace("\n", "\r\n") + "\r\n";

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(saved))).containsExactly("Unchanged");
    }

    @Test
    void aProcessNotYetDeployedIsNew() {
      assertThat(ModelDiff.bpmn(null, bytes(BPMN)))
          .containsExactly(
              "New process 'Confidential report review' (report-review) with 5 user tasks");
    }

    @Test
    void aRenamedTask() {
      String changed =
          replaced(
              BPMN,
              "(id=\"Task_AcknowledgeReport\" name=\")[^\"]*\"",
              "$1Acknowledge the report\"");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly(
              "Task renamed: 'Acknowledge report: assign recommendation' → 'Acknowledge the report'"
                  + " (Task_AcknowledgeReport)");
    }

    @Test
    void aTaskReplacedByAnother() {
      String changed =
          replaced(
              replaced(BPMN, "Task_ReferAllegation", "Task_HoldHearing"),
              "name=\"Refer allegation\"",
              "name=\"Hold hearing\"");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly(
              "Task added: 'Hold hearing' (Task_HoldHearing), candidate groups oversight",
              "Task removed: 'Refer allegation' (Task_ReferAllegation)");
    }

    @Test
    void whoWorksOnATaskAndWhenItIsDue() {
      String changed =
          replaced(
              BPMN,
              "(id=\"Task_AnswerRecommendation\" [^>]*)camunda:candidateGroups=\"director\"",
              "$1camunda:candidateGroups=\"security\" camunda:dueDate=\"\\${answerDueAt}\"");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly(
              "Task changed: 'Answer recommendation' (Task_AnswerRecommendation):"
                  + " candidate groups director → security; due date none → ${answerDueAt}");
    }

    @Test
    void aTimerAndAConditionChanged() {
      String changed =
          replaced(
              replaced(BPMN, ">\\$\\{reviewEndsAt\\}<", ">\\${extendedReviewEndsAt}<"),
              ">\\$\\{allegation\\}<",
              ">\\${allegation &amp;&amp; !withdrawn}<");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly(
              "Timer changed: 'Review period ended' (Timer_ReviewPeriodEnded):"
                  + " ${reviewEndsAt} → ${extendedReviewEndsAt}",
              "Condition changed on flow 'yes' (SequenceFlow_AllegationYes):"
                  + " ${allegation} → ${allegation && !withdrawn}");
    }

    @Test
    void stepsOtherThanUserTasksAreListedTogether() {
      String changed =
          replaced(
              BPMN,
              "(\\s*</bpmn:process>)",
              "\n    <bpmn:serviceTask id=\"Task_Notify\" name=\"Notify NGO\""
                  + " camunda:delegateExpression=\"\\${notifyDelegate}\"/>"
                  + "\n    <bpmn:parallelGateway id=\"Gateway_Notify\"/>$1");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly("Other steps added: 'Notify NGO' (Task_Notify), (Gateway_Notify)");
      assertThat(ModelDiff.bpmn(bytes(changed), bytes(BPMN)))
          .containsExactly("Other steps removed: 'Notify NGO' (Task_Notify), (Gateway_Notify)");
    }

    @Test
    void aProcessNoLongerExecutableIsRemoved() {
      String changed =
          replaced(
              BPMN,
              "(id=\"report-review\" [^>]*)isExecutable=\"true\"",
              "$1isExecutable=\"false\"");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly("Process removed: 'Confidential report review' (report-review)");
    }

    @Test
    void aMovedShapeChangesNothingADirectorReviews() {
      String changed = replaced(BPMN, "x=\"172\" y=\"107\"", "x=\"180\" y=\"107\"");

      assertThat(ModelDiff.bpmn(bytes(BPMN), bytes(changed)))
          .containsExactly(
              "No change to tasks, timers or conditions; the diagram or other attributes changed");
    }

    @Test
    void aFileThatIsNotBpmnIsRefused() {
      assertThatThrownBy(() -> ModelDiff.bpmn(bytes(BPMN), bytes("<bpmn:definitions")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The changed BPMN model could not be read");
    }
  }

  @Nested
  class Decisions {

    private static final String HIGH_RISK =
        "\"High risk: pat-down and inspection of items, authorised by the director.\"";

    @Test
    void theSameFileIsUnchanged() {
      assertThat(ModelDiff.dmn(bytes(DMN), bytes(DMN + "\n"))).containsExactly("Unchanged");
    }

    @Test
    void aDecisionNotYetDeployedIsNew() {
      assertThat(ModelDiff.dmn(null, bytes(DMN)))
          .containsExactly("New decision 'Search protocol' (search-protocol) with 6 rules");
    }

    @Test
    void aChangedOutput() {
      String changed = replaced(DMN, "<text>\"ENHANCED\"</text>", "<text>\"FULL\"</text>");

      assertThat(ModelDiff.dmn(bytes(DMN), bytes(changed)))
          .containsExactly(
              "Rule changed in 'Search protocol': rule 5 (DecisionRule_NgoHighRisk):"
                  + " \"HIGH\" | \"NGO\" → \"ENHANCED\" | true | "
                  + HIGH_RISK
                  + " became \"HIGH\" | \"NGO\" → \"FULL\" | true | "
                  + HIGH_RISK);
    }

    @Test
    void anAddedRuleWithAnEmptyInputEntry() {
      String rule =
          """
          <rule id="DecisionRule_IcrcAnyRisk">
            <inputEntry id="UnaryTests_IcrcAnyRisk_Risk"><text></text></inputEntry>
            <inputEntry id="UnaryTests_IcrcAnyRisk_Mandate"><text>"ICRC"</text></inputEntry>
            <outputEntry id="Output_IcrcAnyRisk_SearchLevel"><text>"SCREENING"</text></outputEntry>
            <outputEntry id="Output_IcrcAnyRisk_Director"><text>false</text></outputEntry>
            <outputEntry id="Output_IcrcAnyRisk_Rationale"><text>"ICRC: screening."</text></outputEntry>
          </rule>
          """;
      String changed =
          replaced(
              DMN,
              "(?=<rule id=\"DecisionRule_FormalMonitorHighRisk\">)",
              Matcher.quoteReplacement(rule));

      assertThat(ModelDiff.dmn(bytes(DMN), bytes(changed)))
          .containsExactly(
              "Rule added to 'Search protocol': rule 1 (DecisionRule_IcrcAnyRisk):"
                  + " - | \"ICRC\" → \"SCREENING\" | false | \"ICRC: screening.\"");
    }

    @Test
    void aRemovedRule() {
      String changed =
          replaced(DMN, "(?s)\\s*<rule id=\"DecisionRule_NgoMediumRisk\">.*?</rule>", "");

      assertThat(ModelDiff.dmn(bytes(DMN), bytes(changed)))
          .containsExactly(
              "Rule removed from 'Search protocol': rule 4 (DecisionRule_NgoMediumRisk):"
                  + " \"MEDIUM\" | \"NGO\" → \"PAT_DOWN\" | false"
                  + " | \"Medium risk: pat-down by an officer of the same gender.\"");
    }

    @Test
    void aNewHitPolicyAndANewOrderOfRules() {
      Matcher last =
          Pattern.compile("(?s)\\s*<rule id=\"DecisionRule_UnknownRiskOrMandate\">.*?</rule>")
              .matcher(DMN);
      assertThat(last.find()).isTrue();
      String changed =
          replaced(
              replaced(
                  DMN.replace(last.group(), ""), "hitPolicy=\"FIRST\"", "hitPolicy=\"UNIQUE\""),
              "(\\s*<rule id=\"DecisionRule_FormalMonitorHighRisk\">)",
              Matcher.quoteReplacement(last.group()) + "$1");

      assertThat(ModelDiff.dmn(bytes(DMN), bytes(changed)))
          .containsExactly(
              "Hit policy of 'Search protocol': FIRST → UNIQUE",
              "Rules reordered in 'Search protocol'");
    }

    @Test
    void aChangedDescriptionChangesNoRule() {
      String changed = replaced(DMN, "Low risk: the screening", "Low risk: the same screening");

      assertThat(ModelDiff.dmn(bytes(DMN), bytes(changed)))
          .containsExactly("No change to rules; other attributes changed");
    }

    @Test
    void aFileThatIsNotDmnIsRefused() {
      assertThatThrownBy(() -> ModelDiff.dmn(bytes("not a model"), bytes(DMN)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The live DMN model could not be read");
    }
  }

  @Nested
  class Forms {

    private static final String DECISION_REASONS =
        "(?s),\\s*\\{\\s*\"type\": \"textarea\",\\s*\"id\": \"Field_DecisionReasons\".*?\\}\\s*\\}";

    @Test
    void theSameFormIsUnchanged() {
      assertThat(ModelDiff.form(bytes(FORM), bytes("\n" + FORM))).containsExactly("Unchanged");
    }

    @Test
    void aFormNotYetDeployedIsNew() {
      assertThat(ModelDiff.form(null, bytes(FORM)))
          .containsExactly("New form 'decide-contested-incident'");
    }

    @Test
    void aNewLabelAndValidation() {
      String changed =
          replaced(
              replaced(FORM, "\"label\": \"Reasons\"", "\"label\": \"Why\""),
              "\"maxLength\": 4000",
              "\"maxLength\": 2000");

      assertThat(ModelDiff.form(bytes(FORM), bytes(changed)))
          .containsExactly(
              "Field changed in form 'decide-contested-incident': 'Why' (decisionReasons):"
                  + " label 'Reasons' → 'Why';"
                  + " validation {\"maxLength\":4000} → {\"maxLength\":2000}");
    }

    @Test
    void aFieldNoLongerRequired() {
      String changed = replaced(FORM, "(\"maxLength\": 4000),\\s*\"required\": true", "$1");

      assertThat(ModelDiff.form(bytes(FORM), bytes(changed)))
          .containsExactly(
              "Field changed in form 'decide-contested-incident': 'Reasons' (decisionReasons):"
                  + " required true → false");
    }

    @Test
    void aRemovedField() {
      String changed = replaced(FORM, DECISION_REASONS, "");

      assertThat(ModelDiff.form(bytes(FORM), bytes(changed)))
          .containsExactly(
              "Field removed from form 'decide-contested-incident': 'Reasons' (decisionReasons)");
      assertThat(ModelDiff.form(bytes(changed), bytes(FORM)))
          .containsExactly(
              "Field added to form 'decide-contested-incident': 'Reasons' (decisionReasons)");
    }

    @Test
    void aChangedTextAndAChangedLayout() {
      String text = replaced(FORM, "Read both sides", "Read both accounts");
      String layout =
          replaced(
              FORM,
              "(\"label\": \"Decision\",\\s*)\"showOutline\": true",
              "$1\"showOutline\": false");

      assertThat(ModelDiff.form(bytes(FORM), bytes(text)))
          .containsExactly("Text changed in form 'decide-contested-incident' (Text_Instructions)");
      assertThat(ModelDiff.form(bytes(FORM), bytes(layout)))
          .containsExactly("No change to fields; layout or other attributes changed");
    }

    @Test
    void aFileThatIsNotAFormIsRefused() {
      assertThatThrownBy(() -> ModelDiff.form(bytes(FORM), bytes("{\"id\": ")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("The changed form could not be read");
      assertThatThrownBy(() -> ModelDiff.form(null, bytes("[]")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("The changed form could not be read: it is not a JSON object");
    }
  }

  /** The text with every match of a regular expression replaced; fails when nothing matched. */
  private static String replaced(String text, String regex, String replacement) {
    String changed = Pattern.compile(regex).matcher(text).replaceAll(replacement);
    assertThat(changed).as("a change made by %s", regex).isNotEqualTo(text);
    return changed;
  }

  private static String text(String file) {
    try {
      return new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(file, e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
