package org.invisiblebars.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.invisiblebars.platform.deployment.DmnRules.DmnLanguages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The rules for a process owner's deployment, one construct at a time: each refused construct is
 * named with its file, element and reason; what our own models do passes.
 */
class ModelRulesTest {

  /** Beans as the application publishes them. */
  private static final Set<String> PUBLISHED = publishedBeanNames();

  private final ModelRules rules = new ModelRules(PUBLISHED, DmnLanguages.FEEL_EVERYWHERE);

  static Stream<Arguments> refusedBpmn() {
    return Stream.of(
        Arguments.of(
            "script task",
            """
            <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>'id'.execute()</bpmn:script></bpmn:scriptTask>
            """,
            "Task_Script",
            "bpmn:scriptTask",
            "scripts are code"),
        Arguments.of(
            "script execution listener",
            """
            <bpmn:task id="Task_Listened"><bpmn:extensionElements>
              <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
            </bpmn:extensionElements></bpmn:task>
            """,
            "Task_Listened",
            "camunda:script",
            "scripts are code"),
        Arguments.of(
            "script task listener",
            """
            <bpmn:userTask id="Task_Listened"><bpmn:extensionElements>
              <camunda:taskListener event="create"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:taskListener>
            </bpmn:extensionElements></bpmn:userTask>
            """,
            "Task_Listened",
            "camunda:script",
            "scripts are code"),
        Arguments.of(
            "condition in a script language",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Scripted" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Scripted",
            "language=\"groovy\"",
            "script language"),
        Arguments.of(
            "I/O mapping script",
            """
            <bpmn:task id="Task_Mapped"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="x"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """,
            "Task_Mapped",
            "camunda:script",
            "scripts are code"),
        Arguments.of(
            "script from a resource",
            """
            <bpmn:task id="Task_Mapped"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:outputParameter name="x"><camunda:script scriptFormat="groovy" resource="deployment:x.groovy"/></camunda:outputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """,
            "Task_Mapped",
            "camunda:script",
            "scripts are code"),
        Arguments.of(
            "Java class as delegate",
            """
            <bpmn:serviceTask id="Task_Class" camunda:class="org.example.Evil"/>
            """,
            "Task_Class",
            "camunda:class=\"org.example.Evil\"",
            "Java classes are code"),
        Arguments.of(
            "Java class as listener",
            """
            <bpmn:userTask id="Task_Listened"><bpmn:extensionElements>
              <camunda:taskListener class="org.example.Evil" event="create"/>
            </bpmn:extensionElements></bpmn:userTask>
            """,
            "Task_Listened",
            "camunda:taskListener class=\"org.example.Evil\"",
            "Java classes are code"),
        Arguments.of(
            "variable mapping class",
            """
            <bpmn:callActivity id="Task_Call" calledElement="other" camunda:variableMappingClass="org.example.Evil"/>
            """,
            "Task_Call",
            "camunda:variableMappingClass",
            "Java classes are code"),
        Arguments.of(
            "Java class in the legacy namespace",
            """
            <bpmn:serviceTask id="Task_Class" activiti:class="org.example.Evil"/>
            """,
            "Task_Class",
            "camunda:class",
            "Java classes are code"),
        Arguments.of(
            "connector",
            """
            <bpmn:serviceTask id="Task_Http"><bpmn:extensionElements>
              <camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>
            </bpmn:extensionElements></bpmn:serviceTask>
            """,
            "Task_Http",
            "camunda:connector",
            "connectors"),
        Arguments.of(
            "expression calling a bean",
            """
            <bpmn:serviceTask id="Task_Elevate" camunda:expression="${identityService.createMembership('paula','camunda-admin')}"/>
            """,
            "Task_Elevate",
            "camunda:expression=\"${identityService.createMembership('paula','camunda-admin')}\"",
            "only ${bean}"),
        Arguments.of(
            "delegate expression of a bean not published",
            """
            <bpmn:serviceTask id="Task_Unpublished" camunda:delegateExpression="${identityService}"/>
            """,
            "Task_Unpublished",
            "camunda:delegateExpression",
            "'identityService' is not a bean published for models"),
        Arguments.of(
            "listener expression",
            """
            <bpmn:userTask id="Task_Listened"><bpmn:extensionElements>
              <camunda:taskListener expression="${task.setAssignee('paula')}" event="create"/>
            </bpmn:extensionElements></bpmn:userTask>
            """,
            "Task_Listened",
            "camunda:taskListener expression",
            "only ${bean}"),
        Arguments.of(
            "listener delegate expression of a bean not published",
            """
            <bpmn:task id="Task_Listened"><bpmn:extensionElements>
              <camunda:executionListener delegateExpression="${runtimeService}" event="start"/>
            </bpmn:extensionElements></bpmn:task>
            """,
            "Task_Listened",
            "camunda:executionListener delegateExpression",
            "'runtimeService' is not a bean"),
        Arguments.of(
            "variable mapping delegate expression",
            """
            <bpmn:callActivity id="Task_Call" calledElement="other" camunda:variableMappingDelegateExpression="${managementService}"/>
            """,
            "Task_Call",
            "camunda:variableMappingDelegateExpression",
            "is not a bean published"),
        Arguments.of(
            "custom form field validator",
            """
            <bpmn:userTask id="Task_Form"><bpmn:extensionElements><camunda:formData>
              <camunda:formField id="x" type="string"><camunda:validation>
                <camunda:constraint name="validator" config="org.example.Evil"/>
              </camunda:validation></camunda:formField>
            </camunda:formData></bpmn:extensionElements></bpmn:userTask>
            """,
            "Task_Form",
            "camunda:constraint config",
            "validator class is code"),
        Arguments.of(
            "condition calling a method on execution",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Asked" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('moreTimeAsked') == true}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Asked",
            "bpmn:conditionExpression",
            "calls the method execution.getVariable('moreTimeAsked')"),
        Arguments.of(
            "condition reaching engine services through properties",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Services" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.processEngineServices.identityService == null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Services",
            "bpmn:conditionExpression",
            "from an object"),
        Arguments.of(
            "condition using the execution",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Execution" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Execution",
            "bpmn:conditionExpression",
            "engine's 'execution' object"),
        Arguments.of(
            "condition reading a property of a variable",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Property" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${report['title'] == 'x'}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Property",
            "bpmn:conditionExpression",
            "from an object"),
        Arguments.of(
            "function in a condition",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Function" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${currentUser() == 'paula'}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Function",
            "bpmn:conditionExpression",
            "calls the function currentUser()"),
        Arguments.of(
            "bean named in a condition",
            """
            <bpmn:sequenceFlow id="SequenceFlow_Bean" sourceRef="A" targetRef="B">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${checkVisitScopeDelegate != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """,
            "SequenceFlow_Bean",
            "bpmn:conditionExpression",
            "names the bean 'checkVisitScopeDelegate'"),
        Arguments.of(
            "I/O mapping expression calling a method",
            """
            <bpmn:task id="Task_Mapped"><bpmn:extensionElements><camunda:inputOutput>
              <camunda:inputParameter name="groups">${execution.getProcessEngineServices().getIdentityService()}</camunda:inputParameter>
            </camunda:inputOutput></bpmn:extensionElements></bpmn:task>
            """,
            "Task_Mapped",
            "camunda:inputParameter",
            "calls the method"),
        Arguments.of(
            "timer expression calling a method",
            """
            <bpmn:intermediateCatchEvent id="Timer_Tomorrow"><bpmn:timerEventDefinition id="TimerEventDefinition_Tomorrow">
              <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${dateTime().plusDays(1).toDate()}</bpmn:timeDate>
            </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            """,
            "Timer_Tomorrow",
            "bpmn:timeDate",
            "calls the method"),
        Arguments.of(
            "collection calling a bean",
            """
            <bpmn:userTask id="Task_Each"><bpmn:multiInstanceLoopCharacteristics
                camunda:collection="${visitRepresentatives.all(visitId)}" camunda:elementVariable="id"/></bpmn:userTask>
            """,
            "Task_Each",
            "camunda:collection",
            "calls the method"),
        Arguments.of(
            "assignee calling a method",
            """
            <bpmn:userTask id="Task_Assigned" camunda:assignee="${task.getExecution().getVariable('x')}"/>
            """,
            "Task_Assigned",
            "camunda:assignee",
            "calls the method"),
        Arguments.of(
            "task name calling a method",
            """
            <bpmn:userTask id="Task_Named" name="${execution.getProcessEngine().getName()}"/>
            """,
            "Task_Named",
            "name=",
            "calls the method"),
        Arguments.of(
            "field injection expression",
            """
            <bpmn:serviceTask id="Task_Field" camunda:delegateExpression="${checkVisitScopeDelegate}"><bpmn:extensionElements>
              <camunda:field name="x"><camunda:expression>${execution.getProcessEngineServices()}</camunda:expression></camunda:field>
            </bpmn:extensionElements></bpmn:serviceTask>
            """,
            "Task_Field",
            "camunda:expression",
            "calls the method"),
        Arguments.of(
            "embedded form",
            """
            <bpmn:userTask id="Task_Embedded" camunda:formKey="embedded:deployment:form.html"/>
            """,
            "Task_Embedded",
            "camunda:formKey=\"embedded:deployment:form.html\"",
            "runs as code in the browsers"),
        Arguments.of(
            "external form",
            """
            <bpmn:userTask id="Task_External" camunda:formKey="app:https://evil.example/form"/>
            """,
            "Task_External",
            "camunda:formKey",
            "runs as code in the browsers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedBpmn")
  void refusedBpmn(String construct, String elements, String elementId, String what, String why) {
    List<Offence> offences = rules.check(Map.of("model.bpmn", bytes(process(elements))));

    assertThat(offences).as(construct).hasSize(1);
    Offence offence = offences.get(0);
    assertThat(offence.resource()).isEqualTo("model.bpmn");
    assertThat(offence.elementId()).isEqualTo(elementId);
    assertThat(offence.getMessage()).contains(what, why);
    assertThat(offence.getLine()).isPositive();
  }

  @Test
  void expressionsThatReadVariablesAndPublishedBeansPass() {
    String elements =
        """
        <bpmn:serviceTask id="Task_Published" camunda:delegateExpression="${checkVisitScopeDelegate}"/>
        <bpmn:userTask id="Task_Listened" name="Review ${organisationName}" camunda:candidateGroups="security"
            camunda:dueDate="${escalateAt}" camunda:formRef="assess-visit-risk" camunda:formRefBinding="deployment">
          <bpmn:extensionElements>
            <camunda:inputOutput><camunda:inputParameter name="flag">${false}</camunda:inputParameter></camunda:inputOutput>
          </bpmn:extensionElements>
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${representativeIds}" camunda:elementVariable="representativeId"/>
        </bpmn:userTask>
        <bpmn:userTask id="Task_Forms" camunda:formKey="camunda-forms:deployment:x.form"/>
        <bpmn:sequenceFlow id="SequenceFlow_Read" sourceRef="A" targetRef="B">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${!inScope &amp;&amp; (gateOutcome == "NO_ENTRY" || score &lt; 18 + 2) ? true : empty reasons}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:intermediateCatchEvent id="Timer_Window"><bpmn:timerEventDefinition id="TimerEventDefinition_Window">
          <bpmn:timeDate xsi:type="bpmn:tFormalExpression">${windowEndsAt}</bpmn:timeDate>
        </bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:task id="Task_Documented"><bpmn:documentation>Shows ${execution.getId()} as text only.</bpmn:documentation></bpmn:task>
        """;

    assertThat(rules.check(Map.of("model.bpmn", bytes(process(elements))))).isEmpty();
  }

  /**
   * A service task as Camunda Modeler writes it from each template in {@code element-templates/}
   * (the template's id and version, its bean, each input with its default or first choice) is what
   * a process owner may deploy.
   */
  @Test
  void aServiceTaskAppliedFromEachElementTemplatePasses() throws IOException {
    List<Path> templates;
    try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
      templates = files.sorted().toList();
    }
    assertThat(templates).isNotEmpty();
    ObjectMapper json = new ObjectMapper();
    for (Path file : templates) {
      JsonNode template = json.readTree(file.toFile());
      StringBuilder task =
          new StringBuilder(
              "<bpmn:serviceTask id=\"Task_Templated\" camunda:modelerTemplate=\"%s\" camunda:modelerTemplateVersion=\"%s\""
                  .formatted(template.path("id").asText(), template.path("version").asText()));
      StringBuilder inputs = new StringBuilder();
      for (JsonNode property : template.path("properties")) {
        String name = property.at("/binding/name").asText();
        if (property.at("/binding/type").asText().equals("property")) {
          task.append(" %s=\"%s\"".formatted(name, property.path("value").asText()));
        } else {
          String value =
              property.has("value")
                  ? property.path("value").asText()
                  : property.at("/choices/0/value").asText();
          inputs.append(
              "<camunda:inputParameter name=\"%s\">%s</camunda:inputParameter>"
                  .formatted(name, value));
        }
      }
      task.append("><bpmn:extensionElements><camunda:inputOutput>")
          .append(inputs)
          .append("</camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>");

      assertThat(rules.check(Map.of("model.bpmn", bytes(process(task.toString())))))
          .as("a task from %s", file.getFileName())
          .isEmpty();
    }
  }

  @Test
  void doctypeIsRefusedAndItsEntitiesNeverRead() {
    String model =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
            + process("<bpmn:startEvent id=\"StartEvent_Entity\" name=\"&secret;\"/>")
                .replaceFirst("<\\?xml[^>]*>\\s*", "");

    List<Offence> offences = rules.check(Map.of("entity.bpmn", bytes(model)));

    assertThat(offences)
        .singleElement()
        .satisfies(
            offence -> {
              assertThat(offence.resource()).isEqualTo("entity.bpmn");
              assertThat(offence.getMessage()).startsWith("DOCTYPE").doesNotContain("root:x");
              assertThat(offence.getLine()).isEqualTo(2);
            });
  }

  @Test
  void doctypeInADecisionTableIsRefused() {
    String table =
        "<?xml version=\"1.0\"?><!DOCTYPE definitions SYSTEM \"http://evil.example/x.dtd\">"
            + "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\" namespace=\"x\"/>";

    assertThat(rules.check(Map.of("table.dmn", bytes(table))))
        .singleElement()
        .satisfies(offence -> assertThat(offence.getMessage()).startsWith("DOCTYPE"));
  }

  static Stream<Arguments> refusedDecisions() {
    return Stream.of(
        Arguments.of(
            "script language for an entry",
            "<inputEntry id=\"Entry\" expressionLanguage=\"javascript\"><text>true</text></inputEntry>",
            "Entry",
            "expressionLanguage=\"javascript\"",
            "only FEEL and JUEL"),
        Arguments.of(
            "FEEL function call",
            "<inputEntry id=\"Entry\"><text>&lt; min([a, b])</text></inputEntry>",
            "Entry",
            "inputEntry \"< min([a, b])\"",
            "calls the function min()"),
        Arguments.of(
            "FEEL property of an object",
            "<inputEntry id=\"Entry\"><text>applicant.name</text></inputEntry>",
            "Entry",
            "inputEntry",
            "property of an object"),
        Arguments.of(
            "FEEL external Java function",
            """
            <inputEntry id="Entry"><text>function(x) external {java: {class: "java.lang.System", method signature: "exit(int)"}}</text></inputEntry>
            """,
            "Entry",
            "inputEntry",
            "External functions are disabled"),
        Arguments.of(
            "FEEL function definition",
            "<outputEntry id=\"Entry\"><text>function(x) x + 1</text></outputEntry>",
            "Entry",
            "outputEntry",
            "defines a function"),
        Arguments.of(
            "JUEL entry calling a bean",
            """
            <inputEntry id="Entry" expressionLanguage="juel"><text>${identityService.createMembership('paula','camunda-admin')}</text></inputEntry>
            """,
            "Entry",
            "inputEntry",
            "calls the method identityService.createMembership('paula', 'camunda-admin')"),
        Arguments.of(
            "JUEL entry without braces reaching the execution",
            """
            <inputEntry id="Entry" expressionLanguage="juel"><text>execution.processEngineServices</text></inputEntry>
            """,
            "Entry",
            "inputEntry",
            "from an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedDecisions")
  void refusedDecisions(
      String construct, String inputEntry, String elementId, String what, String why) {
    List<Offence> offences = rules.check(Map.of("table.dmn", bytes(table(inputEntry))));

    assertThat(offences)
        .as(construct)
        .singleElement()
        .satisfies(
            offence -> {
              assertThat(offence.resource()).isEqualTo("table.dmn");
              assertThat(offence.elementId()).isEqualTo(elementId);
              assertThat(offence.getMessage()).contains(what, why);
            });
  }

  @Test
  void feelOfLiteralsOperatorsRangesAndUnaryTestsPasses() {
    FeelRules feel = new FeelRules();

    assertThat(
            List.of(
                "-",
                "\"NPM\",\"ICRC\"",
                "< 18",
                "[1..5]",
                "not(\"LOW\")",
                ">= date(\"2026-01-01\")",
                "> 2, < -1",
                "null",
                "? > 3"))
        .allSatisfy(tests -> assertThat(feel.unaryTestsProblem(tests)).as(tests).isEmpty());
    assertThat(
            List.of(
                "knowledge + expertise",
                "if score < 18 then \"NOT_RECOMMENDED\" else \"RECOMMEND\"",
                "x != null and y > 2",
                "duration(\"P5D\")",
                "[1, 2, 3]",
                "x in [1..5]",
                "x between 1 and 5",
                "{a: 1}",
                "a instance of number"))
        .allSatisfy(
            expression -> assertThat(feel.expressionProblem(expression)).as(expression).isEmpty());
    assertThat(List.of("today()", "list[1]", "some x in l satisfies x > 1", "for x in l return x"))
        .allSatisfy(
            expression ->
                assertThat(feel.expressionProblem(expression)).as(expression).isPresent());
  }

  @Test
  void scriptLanguageForAWholeTableIsRefused() {
    String table =
        table("<inputEntry id=\"Entry\"><text>true</text></inputEntry>")
            .replace("namespace=\"x\"", "namespace=\"x\" expressionLanguage=\"groovy\"");

    assertThat(rules.check(Map.of("table.dmn", bytes(table))))
        .singleElement()
        .satisfies(
            offence ->
                assertThat(offence.getMessage())
                    .contains("expressionLanguage=\"groovy\"", "only FEEL and JUEL"));
  }

  @Test
  void decisionEntriesInTheEnginesLegacyJuelDefaultsAreCheckedAsJuel() {
    ModelRules legacy = new ModelRules(PUBLISHED, new DmnLanguages("juel", "feel", "juel", "juel"));
    String table =
        table("<inputEntry id=\"Entry\"><text>\"NGO\"</text></inputEntry>")
            .replace("<text>score</text>", "<text>execution.getVariable('score')</text>");

    assertThat(legacy.check(Map.of("table.dmn", bytes(table))))
        .singleElement()
        .satisfies(
            offence ->
                assertThat(offence.getMessage()).contains("inputExpression", "calls the method"));
  }

  @Test
  void onlyModelsAndCamundaFormsMayBeDeployed() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("form.html", bytes("<script>alert(document.cookie)</script>"));
    files.put("form.js", bytes("alert(1)"));
    files.put("case.cmmn", bytes("<definitions/>"));
    files.put(
        "framed.form",
        bytes(
            """
        {"type": "default", "components": [{"type": "group", "components": [
          {"id": "Field_Frame", "type": "iframe", "url": "https://evil.example", "security": {"allowScripts": true}}]}]}
        """));
    files.put("broken.form", bytes("{\"components\": ["));
    files.put(
        "fine.form",
        bytes(
            "{\"type\": \"default\", \"components\": [{\"type\": \"textfield\", \"key\": \"reasons\"}]}"));

    List<Offence> offences = rules.check(files);

    assertThat(offences)
        .extracting(Offence::resource)
        .containsExactly("broken.form", "case.cmmn", "form.html", "form.js", "framed.form");
    assertThat(offences.get(4))
        .satisfies(
            offence -> {
              assertThat(offence.elementId()).isEqualTo("Field_Frame");
              assertThat(offence.getMessage()).contains("iframe");
            });
    assertThat(offences.get(1).getMessage()).contains(".bpmn, .dmn and .form files only");
  }

  @Test
  void everyOffenceOfADeploymentIsListed() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "attack.bpmn",
        bytes(
            process(
                """
        <bpmn:scriptTask id="Task_Script" scriptFormat="groovy"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
        <bpmn:serviceTask id="Task_Class" camunda:class="org.example.Evil"/>
        <bpmn:serviceTask id="Task_Elevate" camunda:expression="${identityService.createMembership('paula','camunda-admin')}"/>
        <bpmn:sequenceFlow id="SequenceFlow_Asked" sourceRef="A" targetRef="B">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable('x')}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        """)));
    files.put(
        "policy.dmn",
        bytes(table("<inputEntry id=\"Entry\"><text>date and time(x).year</text></inputEntry>")));
    files.put("steal.html", bytes("<script/>"));

    List<Offence> offences = rules.check(files);

    assertThat(offences)
        .extracting(o -> o.resource() + " " + o.elementId())
        .containsExactly(
            "attack.bpmn Task_Script",
            "attack.bpmn Task_Class",
            "attack.bpmn Task_Elevate",
            "attack.bpmn SequenceFlow_Asked",
            "policy.dmn Entry",
            "steal.html null");
    DeploymentRefused refused = new DeploymentRefused("paula", offences);
    assertThat(refused.getResorceReports())
        .extracting(r -> r.getResourceName() + " " + r.getErrors().size())
        .containsExactly("attack.bpmn 4", "policy.dmn 1", "steal.html 1");
    assertThat(refused.getMessage())
        .contains(
            "paula",
            "6 offences",
            "Task_Script",
            "Task_Class",
            "Task_Elevate",
            "SequenceFlow_Asked",
            "policy.dmn, Entry",
            "steal.html");
  }

  @Test
  void everyModelAndFormOfTheRepositoryPassesAsAProcessOwnersDeployment() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("processes"));
        Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path path : Stream.concat(processes, forms).filter(ModelRulesTest::isModel).toList()) {
        files.put(path.getFileName().toString(), Files.readAllBytes(path));
      }
    }
    assertThat(files.keySet())
        .contains(
            "ngo-accreditation.bpmn",
            "entry-authorisation.bpmn",
            "report-review.bpmn",
            "sla-policy.dmn",
            "assess-visit-risk.form");

    assertThat(rules.check(files)).isEmpty();
  }

  @Test
  void theDelegatesAndListenersOfOurModelsArePublished() {
    assertThat(PUBLISHED)
        .contains(
            "checkVisitScopeDelegate",
            "listRecommendationsDelegate",
            "releaseReportDelegate",
            "publishOnRegisterDelegate")
        .doesNotContain(
            "identityService",
            "visitQueries",
            "reportTaskListener",
            "visitTaskListener",
            "accreditationTaskListener");
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean isModel(Path path) {
    return path.toString().matches(".*\\.(bpmn|dmn|form)");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String process(String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Check" targetNamespace="x">
          <bpmn:process id="check" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(elements);
  }

  /** A decision table on {@code score} with one rule around the given input entry. */
  private static String table(String inputEntry) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Check" name="Check" namespace="x">
          <decision id="check" name="Check">
            <decisionTable id="DecisionTable_Check">
              <input id="Input_Score"><inputExpression id="InputExpression_Score" typeRef="integer"><text>score</text></inputExpression></input>
              <output id="Output_Result" name="result" typeRef="string"/>
              <rule id="Rule_Check">
                %s
                <outputEntry id="Output_Entry"><text>"ok"</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(inputEntry);
  }

  /** The names under which Spring registers the beans marked {@link PublishedForModels}. */
  private static Set<String> publishedBeanNames() {
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(PublishedForModels.class));
    BeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    return scanner.findCandidateComponents("org.invisiblebars").stream()
        .map(definition -> names.generateBeanName(definition, registry))
        .collect(Collectors.toSet());
  }
}
