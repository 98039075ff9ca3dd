package org.invisiblebars.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.invisiblebars.platform.deployment.ReferenceRules.Deployed;
import org.invisiblebars.platform.deployment.ReferenceRules.Kind;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * A deployment is complete when every form and decision its models name is in it or deployed
 * already, as their binding asks, and every user task of our processes has a handler; otherwise
 * every missing item is listed with its file and element.
 */
class ReferenceRulesTest {

  /** Versions deployed already, by kind and key. */
  private final Map<String, Set<Integer>> deployed = new HashMap<>();

  /** The handlers of process {@code check}: only {@code Task_Known}. */
  private final ReferenceRules rules =
      new ReferenceRules(
          new FakeDeployed(),
          (process, task) ->
              process.equals("check") && !task.equals("Task_Known")
                  ? Optional.of("The user task " + task + " of process check has no handler")
                  : Optional.empty());

  @Test
  void aFormBoundToTheDeploymentMustBeInIt() {
    String model = process(userTask("Task_Known", "camunda:formRef=\"assess\" " + DEPLOYMENT));

    List<Offence> without = rules.check(Map.of("check.bpmn", bytes(model)));
    List<Offence> with = rules.check(Map.of("check.bpmn", bytes(model), "a.form", form("assess")));

    assertThat(without).hasSize(1);
    assertThat(without.get(0).toString())
        .contains("check.bpmn", "Task_Known", "camunda:formRef=\"assess\"", "bound to this");
    assertThat(with).isEmpty();
  }

  @Test
  void aFormDeployedAlreadyDoesNotCountForTheDeploymentBinding() {
    deploy(Kind.FORM, "assess", 1);
    String model = process(userTask("Task_Known", "camunda:formRef=\"assess\" " + DEPLOYMENT));

    assertThat(rules.check(Map.of("check.bpmn", bytes(model))))
        .singleElement()
        .extracting(Offence::elementId)
        .isEqualTo("Task_Known");
  }

  @Test
  void theFormsIdCountsNotItsFileName() {
    String model = process(userTask("Task_Known", "camunda:formRef=\"assess\" " + DEPLOYMENT));

    assertThat(rules.check(Map.of("check.bpmn", bytes(model), "assess.form", form("other"))))
        .singleElement()
        .extracting(Offence::toString)
        .asString()
        .contains("assess");
  }

  @Test
  void aFormBoundToTheLatestVersionIsDeployedAlreadyOrInTheDeployment() {
    String model =
        process(
            userTask("Task_Known", "camunda:formRef=\"assess\"")
                + userTask(
                        "Task_Start", "camunda:formRef=\"start\" camunda:formRefBinding=\"latest\"")
                    .replace("userTask", "startEvent")
                + userTask("Task_Known2", "camunda:formRef=\"missing\""));
    deploy(Kind.FORM, "assess", 1);

    List<Offence> offences =
        rules.check(Map.of("check.bpmn", bytes(model), "start.form", form("start")));

    assertThat(offences)
        .extracting(Offence::toString)
        .anySatisfy(o -> assertThat(o).contains("Task_Known2", "missing", "no form missing"))
        .noneSatisfy(o -> assertThat(o).contains("Task_Known,"))
        .noneSatisfy(o -> assertThat(o).contains("Task_Start"));
  }

  @Test
  void aVersionedFormIsDeployedOrTheVersionThisDeploymentMakes() {
    deploy(Kind.FORM, "assess", 1);
    String second = process(userTask("Task_Known", version("assess", 2)));
    String fifth = process(userTask("Task_Known", version("assess", 5)));
    String first = process(userTask("Task_Known", version("assess", 1)));

    assertThat(rules.check(Map.of("check.bpmn", bytes(second), "a.form", form("assess"))))
        .isEmpty();
    assertThat(rules.check(Map.of("check.bpmn", bytes(first)))).isEmpty();
    assertThat(rules.check(Map.of("check.bpmn", bytes(second))))
        .singleElement()
        .extracting(Offence::getMessage)
        .asString()
        .contains("version 2 of the form assess", "latest: 1");
    assertThat(rules.check(Map.of("check.bpmn", bytes(fifth), "a.form", form("assess"))))
        .hasSize(1);
  }

  @Test
  void aFormKeyNamingAFileOfTheDeploymentNeedsTheFile() {
    String model =
        process(
            userTask(
                "Task_Known", "camunda:formKey=\"camunda-forms:deployment:forms/assess.form\""));

    assertThat(rules.check(Map.of("check.bpmn", bytes(model))))
        .singleElement()
        .extracting(Offence::toString)
        .asString()
        .contains("Task_Known", "forms/assess.form");
    assertThat(rules.check(Map.of("check.bpmn", bytes(model), "forms/assess.form", form("x"))))
        .isEmpty();
  }

  @Test
  void aReferenceComputedAtRunTimeIsLeftToTheEngine() {
    String model = process(userTask("Task_Known", "camunda:formRef=\"${formId}\" " + DEPLOYMENT));

    assertThat(rules.check(Map.of("check.bpmn", bytes(model)))).isEmpty();
  }

  @Test
  void aBusinessRuleTasksDecisionIsDeployedOrInTheDeployment() {
    String model =
        process(
            """
            <bpmn:businessRuleTask id="Task_EvaluateRisk" camunda:decisionRef="risk" />
            <bpmn:businessRuleTask id="Task_EvaluatePolicy" camunda:decisionRef="policy" />
            <bpmn:businessRuleTask id="Task_EvaluateUnknown" camunda:decisionRef="unknown" />
            """);
    deploy(Kind.DECISION, "policy", 3);

    List<Offence> offences =
        rules.check(Map.of("check.bpmn", bytes(model), "risk.dmn", bytes(decision("risk"))));

    assertThat(offences)
        .singleElement()
        .extracting(Offence::toString)
        .asString()
        .contains("check.bpmn", "Task_EvaluateUnknown", "camunda:decisionRef=\"unknown\"");
  }

  @Test
  void aDecisionBoundToTheDeploymentMustBeInIt() {
    deploy(Kind.DECISION, "policy", 1);
    String model =
        process(
            """
            <bpmn:businessRuleTask id="Task_EvaluatePolicy" camunda:decisionRef="policy"
                camunda:decisionRefBinding="deployment" />
            """);

    assertThat(rules.check(Map.of("check.bpmn", bytes(model)))).hasSize(1);
    assertThat(
            rules.check(
                Map.of("check.bpmn", bytes(model), "policy.dmn", bytes(decision("policy")))))
        .isEmpty();
  }

  @Test
  void everyMissingItemIsListedWithTheTasksWithoutHandler() {
    String model =
        process(
            userTask("Task_Known", "camunda:formRef=\"assess\" " + DEPLOYMENT)
                + userTask("Task_Renamed", "camunda:formRef=\"decide\" " + DEPLOYMENT)
                + """
                <bpmn:subProcess id="SubProcess_Review">
                  <bpmn:userTask id="Task_Nested" />
                </bpmn:subProcess>
                <bpmn:businessRuleTask id="Task_EvaluateRisk" camunda:decisionRef="risk" />
                """);

    List<Offence> offences = rules.check(Map.of("check.bpmn", bytes(model)));

    assertThat(offences)
        .extracting(o -> o.elementId() + " " + o.what())
        .containsExactlyInAnyOrder(
            "Task_Known camunda:formRef=\"assess\"",
            "Task_Renamed camunda:formRef=\"decide\"",
            "Task_Renamed bpmn:userTask",
            "Task_Nested bpmn:userTask",
            "Task_EvaluateRisk camunda:decisionRef=\"risk\"");
  }

  @Test
  void theRepositorysModelsAreCompleteTogetherAndEachProcessAloneMissesItsForms()
      throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("processes"));
        Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path path :
          Stream.concat(processes, forms)
              .filter(p -> p.toString().matches(".*\\.(bpmn|dmn|form)"))
              .toList()) {
        files.put(path.getFileName().toString(), Files.readAllBytes(path));
      }
    }
    ReferenceRules ours = new ReferenceRules(new FakeDeployed(), ourHandlers());

    assertThat(ours.check(files)).isEmpty();
    assertThat(
            ours.check(Map.of("entry-authorisation.bpmn", files.get("entry-authorisation.bpmn"))))
        .extracting(Offence::what)
        .contains("camunda:formRef=\"assess-visit-risk\"", "camunda:formRef=\"check-in-visitor\"")
        .doesNotContain("bpmn:userTask");
  }

  // ---------------------------------------------------------------------------------------------

  private static final String DEPLOYMENT = "camunda:formRefBinding=\"deployment\"";

  private final class FakeDeployed implements Deployed {
    @Override
    public int latest(Kind kind, String key) {
      return deployed.getOrDefault(kind + key, Set.of()).stream().max(Integer::compare).orElse(0);
    }

    @Override
    public boolean has(Kind kind, String key, int version) {
      return deployed.getOrDefault(kind + key, Set.of()).contains(version);
    }
  }

  private void deploy(Kind kind, String key, int versions) {
    for (int v = 1; v <= versions; v++) {
      deployed.computeIfAbsent(kind + key, k -> new HashSet<>()).add(v);
    }
  }

  /** The user task handlers of the application, as their annotations declare them. */
  private static BiFunction<String, String, Optional<String>> ourHandlers() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(UserTaskHandlerFor.class));
    Map<String, Set<String>> tasks = new HashMap<>();
    scanner
        .findCandidateComponents("org.invisiblebars")
        .forEach(
            definition -> {
              UserTaskHandlerFor target =
                  AnnotationUtils.findAnnotation(
                      ClassUtils.resolveClassName(definition.getBeanClassName(), null),
                      UserTaskHandlerFor.class);
              tasks.computeIfAbsent(target.process(), k -> new HashSet<>()).add(target.task());
            });
    assertThat(tasks).containsKey("entry-authorisation");
    return (process, task) ->
        tasks.containsKey(process) && !tasks.get(process).contains(task)
            ? Optional.of("no handler")
            : Optional.empty();
  }

  private static String userTask(String id, String attributes) {
    return "<bpmn:userTask id=\"" + id + "\" " + attributes + " />\n";
  }

  private static String version(String form, int version) {
    return "camunda:formRef=\""
        + form
        + "\" camunda:formRefBinding=\"version\" camunda:formRefVersion=\""
        + version
        + "\"";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] form(String id) {
    return bytes("{\"id\": \"" + id + "\", \"type\": \"default\", \"components\": []}");
  }

  /** An executable process {@code check} around the given elements. */
  private static String process(String elements) {
    return ProcessOwnerDeploymentIT.process("check", elements);
  }

  private static String decision(String id) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%s" name="x" namespace="x">
          <decision id="%s" name="x">
            <literalExpression id="LiteralExpression_1"><text>"ok"</text></literalExpression>
          </decision>
        </definitions>
        """
        .formatted(id, id);
  }
}
