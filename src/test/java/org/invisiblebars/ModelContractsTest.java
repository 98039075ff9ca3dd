package org.invisiblebars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.modelchange.usecase.ModelChangeProcess;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The code names the models' elements, messages, beans and decisions through constants only ({@code
 * AccreditationProcess}, {@code EntryProcess}, {@code ReportReviewProcess} and the decision keys of
 * the adapters), and every constant names something the model in {@code processes/} has: a process
 * owner who renames a task, a message or a decision in Camunda Modeler breaks this test, not
 * production (a decision log step no longer matched, a reason no longer shown to an NGO).
 */
class ModelContractsTest {

  /**
   * Beans only instances started on earlier versions of the models call (see each constant's
   * Javadoc).
   */
  static final Set<String> EARLIER_VERSIONS_ONLY =
      Set.of(
          AccreditationProcess.Bean.NOMINEES,
          EntryProcess.Bean.REPRESENTATIVES,
          ReportReviewProcess.Bean.FOLLOW_UPS,
          ReportReviewProcess.Bean.RELEASE_DELEGATE_OF_EARLIER_MODELS);

  static Stream<Arguments> processes() {
    return Stream.of(
        Arguments.of(AccreditationProcess.class, "ngo-accreditation.bpmn"),
        Arguments.of(EntryProcess.class, "entry-authorisation.bpmn"),
        Arguments.of(ReportReviewProcess.class, "report-review.bpmn"),
        Arguments.of(CoordinationMeetingProcess.class, "coordination-meeting.bpmn"),
        Arguments.of(AgreedActionProcess.class, "agreed-action.bpmn"),
        Arguments.of(IncidentReviewProcess.class, "incident-review.bpmn"),
        Arguments.of(ReportPublicationProcess.class, "report-publication.bpmn"),
        Arguments.of(ModelChangeProcess.class, "model-change.bpmn"),
        Arguments.of(RepresentativeVettingProcess.class, "representative-vetting.bpmn"),
        Arguments.of(RegistrationProcess.class, "organisation-registration.bpmn"));
  }

  @ParameterizedTest
  @MethodSource("processes")
  void everyConstantNamesSomethingOfItsModel(Class<?> contract, String file) throws Exception {
    Path path = Path.of("processes", file);
    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
    String xml = Files.readString(path);
    List<String> processIds =
        model.getModelElementsByType(Process.class).stream().map(Process::getId).toList();
    List<String> messageNames =
        model.getModelElementsByType(Message.class).stream().map(Message::getName).toList();

    SoftAssertions softly = new SoftAssertions();
    softly
        .assertThat(processIds)
        .as("%s.KEY", contract.getSimpleName())
        .contains((String) contract.getField("KEY").get(null));
    constants(contract, "Element")
        .forEach(
            (name, id) ->
                softly
                    .assertThat((Object) model.getModelElementById(id))
                    .as("%s.Element.%s = %s in %s", contract.getSimpleName(), name, id, file)
                    .isNotNull());
    constants(contract, "Message")
        .forEach(
            (name, value) -> {
              if (name.endsWith("_ID")) {
                softly
                    .assertThat((Object) model.getModelElementById(value))
                    .as(
                        "message id %s.Message.%s = %s in %s",
                        contract.getSimpleName(), name, value, file)
                    .isInstanceOf(Message.class);
              } else {
                softly
                    .assertThat(messageNames)
                    .as("message name %s.Message.%s in %s", contract.getSimpleName(), name, file)
                    .contains(value);
              }
            });
    constants(contract, "Bean").entrySet().stream()
        .filter(bean -> !EARLIER_VERSIONS_ONLY.contains(bean.getValue()))
        .forEach(
            bean ->
                softly
                    .assertThat(xml)
                    .as(
                        "%s.Bean.%s = %s called by %s",
                        contract.getSimpleName(), bean.getKey(), bean.getValue(), file)
                    .containsPattern("\\$\\{" + bean.getValue() + "[.}]"));
    softly.assertAll();
  }

  @Test
  void theConstantsCoverEveryElementIdTheCodeNames() throws IOException {
    // no model element id written as a literal outside the contracts (they all begin like Task_,
    // Event_, Timer_ ...)
    List<String> literals = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (source
            .getFileName()
            .toString()
            .matches(
                "(Accreditation|Entry|ReportReview|CoordinationMeeting|AgreedAction|IncidentReview|ReportPublication|ModelChange|RepresentativeVetting|Registration)Process\\.java")) {
          continue;
        }
        var matcher =
            Pattern.compile(
                    "\"((Task|Event|Timer|Gateway|Activity|StartEvent|EndEvent|Message|SubProcess|Boundary|Flow)_[A-Za-z]+)\"")
                .matcher(Files.readString(source));
        while (matcher.find()) {
          literals.add(source.getFileName() + ": " + matcher.group(1));
        }
      }
    }
    assertThat(literals).as("model ids written as literals; use the contract's constant").isEmpty();
  }

  @Test
  void everyDecisionKeyIsADecisionOfItsTable() throws Exception {
    Map<String, String> keys =
        Map.of(
            "org.invisiblebars.accreditation.adapter.process.DmnCriteriaDecision#DECISION_KEY",
                "accreditation-criteria.dmn",
            "org.invisiblebars.entry.adapter.process.DmnVisitDecisions#VISIT_RISK",
                "visit-risk.dmn",
            "org.invisiblebars.entry.adapter.process.DmnVisitDecisions#SEARCH_PROTOCOL",
                "search-protocol.dmn",
            "org.invisiblebars.sla.adapter.SlaPolicyDecision#DECISION_KEY", "sla-policy.dmn",
            "org.invisiblebars.sla.adapter.SlaPolicyDecision#TAKE_OVER_KEY",
                "escalation-takeover.dmn");
    SoftAssertions softly = new SoftAssertions();
    for (var entry : keys.entrySet()) {
      String[] classAndField = entry.getKey().split("#");
      Field field = Class.forName(classAndField[0]).getDeclaredField(classAndField[1]);
      field.setAccessible(true);
      String key = (String) field.get(null);
      List<String> decisions =
          Dmn.readModelFromFile(Path.of("processes", entry.getValue()).toFile())
              .getModelElementsByType(Decision.class)
              .stream()
              .map(Decision::getId)
              .toList();
      softly.assertThat(decisions).as("%s in %s", entry.getKey(), entry.getValue()).contains(key);
    }
    softly.assertAll();
  }

  /**
   * The public String constants of {@code contract}'s nested class {@code nested}, by field name.
   */
  private static Map<String, String> constants(Class<?> contract, String nested) {
    Map<String, String> constants = new LinkedHashMap<>();
    for (Class<?> inner : contract.getDeclaredClasses()) {
      if (!inner.getSimpleName().equals(nested)) {
        continue;
      }
      for (Field field : inner.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          try {
            constants.put(field.getName(), (String) field.get(null));
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return constants;
  }
}
