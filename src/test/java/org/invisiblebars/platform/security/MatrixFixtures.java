package org.invisiblebars.platform.security;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.organisation.domain.RepresentativeRepository;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.support.BusinessKeys;
import org.invisiblebars.support.Fixtures;
import org.invisiblebars.support.Fixtures.Ngo;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The matrix's fixtures, named in its requests and bodies as {@code {name}}: the real things each
 * role meets (a task of each process, the other organisation's accreditation, a report under
 * review, …), made once through the APIs by the people involved; and, for every cell that changes
 * something when allowed, {@code {fresh.kind.property}}: a new object for that one request, so an
 * allowed write never changes what the other cells read. Fresh engine objects come from a
 * throw-away process (a task of {@code ngo-liaison} with a distant timer) or a throw-away
 * deployment, both deleted with everything the matrix created at the end.
 */
final class MatrixFixtures {

  static final String THROWAWAY = "authorization-matrix-throwaway";
  static final String DEPLOYMENT_NAME = "authorization-matrix";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9.]*)}");

  /** Fresh objects made through our API, under {@link #api}. */
  private static final Set<String> THROUGH_OUR_API =
      Set.of("facility", "organisation", "ngoUser", "accreditation", "visit", "report");

  /**
   * The organisations: A a registered national preventive mechanism with a report and a visit, B an
   * NGO that applied.
   */
  final Ngo a;

  final Ngo b;

  /** Text of A's report that only directors, liaison officers and A may read. */
  final String reportSecret;

  /** The start of a risk proposal, which only security, directors and administrators may read. */
  static final String RISK_SECRET = "Proposed risk: ";

  private final ProcessEngine engine;
  private final TransactionTemplate transactions;
  private final Fixtures fixtures;
  private final String run = "mx" + Long.toString(System.nanoTime(), 36);
  private final AtomicInteger unique = new AtomicInteger();
  private final Map<String, String> named = new LinkedHashMap<>();

  /**
   * Held while our API creates something for the matrix and while a probe of our API runs: parallel
   * requests of one organisation still fail (defect 4 of issue 10, another engineer's), and the
   * matrix is about who may do what, not about that.
   */
  final ReentrantLock api = new ReentrantLock();

  MatrixFixtures(
      ProcessEngine engine,
      Fixtures fixtures,
      RepresentativeRepository representatives,
      TransactionTemplate transactions) {
    this.engine = engine;
    this.fixtures = fixtures;
    this.transactions = transactions;
    this.reportSecret = "SECRET-" + run;
    String facility = fixtures.facility("Central Prison");
    a = fixtures.registeredMandate("Matrix Mechanism", facility);
    b = fixtures.applied("Matrix Watch", facility);
    UUID representative =
        representatives.findByOrganisationId(UUID.fromString(a.organisationId())).get(0).getId();
    String report = fixtures.report(a, facility, "Overcrowded cells " + reportSecret);
    String visit = fixtures.visit(a, facility, List.of(representative), nextWeekday());

    named.put("run", run);
    named.put("missing", UUID.randomUUID().toString());
    named.put("facility", facility);
    named.put("orgA", a.organisationId());
    named.put("orgB", b.organisationId());
    named.put("ngoA", a.user());
    named.put("accreditationA", a.accreditationId());
    named.put("accreditationB", b.accreditationId());
    named.put("representativeA", representative.toString());
    named.put("reportA", report);
    named.put("visitA", visit);
    named.put("meetingA", fixtures.meeting(a, "Matrix visit programme"));
    named.put(
        "accreditationTask",
        fixtures.taskId(
            b.accreditationId(), AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS));
    named.put(
        "reportTask", fixtures.taskId(report, ReportReviewProcess.Element.ACKNOWLEDGE_REPORT));
    named.put("riskTask", fixtures.taskId(visit, EntryProcess.Element.ASSESS_VISIT_RISK));
    LocalDate day = nextWeekday();
    named.put("visitStart", day.atTime(10, 0).toInstant(ZoneOffset.UTC).toString());
    named.put("visitEnd", day.atTime(13, 0).toInstant(ZoneOffset.UTC).toString());
    named.put("unannouncedEnd", Instant.now().plus(Duration.ofHours(3)).toString());
    engineObjects();
    historyCleanupJob();
    Deployment throwaway =
        engine
            .getRepositoryService()
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .addModelInstance(THROWAWAY + ".bpmn", model(THROWAWAY))
            .deploy();
    named.put("throwawayKey", THROWAWAY);
    named.put(
        "throwawayDefinition",
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .deploymentId(throwaway.getId())
            .singleResult()
            .getId());
  }

  /**
   * What the engine holds of B's application, A's report and visit, and what every installation
   * has.
   */
  private void engineObjects() {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String report = named.get("reportA");
    String visit = named.get("visitA");
    ProcessInstance accreditation =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(b.accreditationId()))
            .singleResult();
    named.put("accreditationInstance", accreditation.getId());
    named.put("accreditationDefinition", accreditation.getProcessDefinitionId());
    named.put(
        "accreditationDeployment",
        engine
            .getRepositoryService()
            .getProcessDefinition(accreditation.getProcessDefinitionId())
            .getDeploymentId());
    named.put(
        "reportInstance",
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(report))
            .singleResult()
            .getId());
    named.put(
        "visitInstance",
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(BusinessKeys.of(visit))
            .singleResult()
            .getId());
    named.put(
        "reportJob",
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(named.get("reportInstance"))
            .activityId(ReportReviewProcess.Element.REVIEW_PERIOD_ENDED)
            .singleResult()
            .getId());
    named.put(
        "reportJobDefinition",
        engine
            .getManagementService()
            .createJobDefinitionQuery()
            .activityIdIn(ReportReviewProcess.Element.REVIEW_PERIOD_ENDED)
            .list()
            .get(0)
            .getId());
    named.put(
        "accreditationVariable",
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(accreditation.getId())
            .variableName(AccreditationProcess.Variable.ACCREDITATION_ID)
            .singleResult()
            .getId());
    named.put(
        "accreditationHistoricVariable",
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(accreditation.getId())
            .variableName(AccreditationProcess.Variable.ACCREDITATION_ID)
            .singleResult()
            .getId());
    named.put(
        "accreditationDetail",
        engine
            .getHistoryService()
            .createHistoricDetailQuery()
            .processInstanceId(accreditation.getId())
            .list()
            .get(0)
            .getId());
    named.put(
        "accreditationResource",
        engine
            .getRepositoryService()
            .getDeploymentResources(named.get("accreditationDeployment"))
            .stream()
            .filter(resource -> resource.getName().endsWith("ngo-accreditation.bpmn"))
            .findFirst()
            .orElseThrow()
            .getId());
    named.put(
        "accreditationActivityInstance",
        engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(accreditation.getId())
            .activityId(AccreditationProcess.Element.CHECK_APPLICATION_COMPLETENESS)
            .singleResult()
            .getId());
    named.put(
        "jobLog",
        engine
            .getHistoryService()
            .createHistoricJobLogQuery()
            .jobId(named.get("reportJob"))
            .list()
            .get(0)
            .getId());
    // lena verified A's mandate
    named.put(
        "operation",
        engine
            .getHistoryService()
            .createUserOperationLogQuery()
            .userId("lena")
            .list()
            .get(0)
            .getOperationId());
    named.put(
        "decisionDefinition",
        engine
            .getRepositoryService()
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey("sla-policy")
            .latestVersion()
            .singleResult()
            .getId());
    var requirements =
        engine
            .getRepositoryService()
            .createDecisionRequirementsDefinitionQuery()
            .latestVersion()
            .list()
            .get(0);
    named.put("drd", requirements.getId());
    named.put("drdKey", requirements.getKey());
    named.put(
        "filter",
        engine
            .getFilterService()
            .createFilterQuery()
            .filterName("Directors queue")
            .singleResult()
            .getId());
    named.put(
        "authorization",
        engine
            .getAuthorizationService()
            .createAuthorizationQuery()
            .groupIdIn("manager")
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(Authorization.ANY)
            .singleResult()
            .getId());
    String task = named.get("accreditationTask");
    named.put("comment", tasks.createComment(task, null, "Asked for the SWOT analysis").getId());
    named.put(
        "reportComment",
        tasks
            .createComment(named.get("reportTask"), null, "Discussed with the health unit")
            .getId());
    named.put(
        "attachment",
        tasks
            .createAttachment(
                "text/plain", task, null, "swot.txt", "SWOT", "https://example.org/swot")
            .getId());
  }

  /**
   * Schedules the history cleanup and waits for its run, after which the job stays, suspended (no
   * batch window) or waiting for the next window: the matrix then reads and reschedules a job the
   * job executor is not running.
   */
  private void historyCleanupJob() {
    String job = engine.getHistoryService().cleanUpHistoryAsync(true).getId();
    Instant deadline = Instant.now().plusSeconds(60);
    while (true) {
      var cleanup = engine.getManagementService().createJobQuery().jobId(job).singleResult();
      if (cleanup == null
          || cleanup.isSuspended()
          || cleanup.getDuedate().toInstant().isAfter(Instant.now())) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("the history cleanup did not run within a minute");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** The matrix's users' secrets: who may read what. */
  Map<String, List<AuthorizationMatrix.Role>> secrets() {
    return Map.of(
        reportSecret,
        List.of(
            AuthorizationMatrix.Role.DIRECTOR,
            AuthorizationMatrix.Role.NGO_LIAISON,
            AuthorizationMatrix.Role.NGO_A),
        RISK_SECRET,
        List.of(
            AuthorizationMatrix.Role.SECURITY,
            AuthorizationMatrix.Role.DIRECTOR,
            AuthorizationMatrix.Role.CAMUNDA_ADMIN));
  }

  /** The objects one cell may create; each is made on first use. */
  final class Cell {
    private final Map<String, Map<String, String>> made = new ConcurrentHashMap<>();

    /** The template with every placeholder replaced. */
    String resolve(String template) {
      Matcher placeholder = PLACEHOLDER.matcher(template);
      StringBuilder resolved = new StringBuilder();
      while (placeholder.find()) {
        placeholder.appendReplacement(
            resolved, Matcher.quoteReplacement(value(placeholder.group(1))));
      }
      placeholder.appendTail(resolved);
      return resolved.toString();
    }

    private String value(String name) {
      if (!name.startsWith("fresh.")) {
        String value = named.get(name);
        if (value == null) {
          throw new IllegalArgumentException("no fixture {" + name + "}; known: " + named.keySet());
        }
        return value;
      }
      String[] parts = name.split("\\.");
      if (parts.length != 3) {
        throw new IllegalArgumentException(
            "{" + name + "}: fresh fixtures read {fresh.kind.property}");
      }
      Map<String, String> object = made.computeIfAbsent(parts[1], MatrixFixtures.this::fresh);
      String value = object.get(parts[2]);
      if (value == null) {
        throw new IllegalArgumentException(
            "{" + name + "}: a fresh " + parts[1] + " has " + object.keySet());
      }
      return value;
    }
  }

  Cell cell() {
    return new Cell();
  }

  private Map<String, String> fresh(String kind) {
    if (!THROUGH_OUR_API.contains(kind)) {
      return made(kind);
    }
    api.lock();
    try {
      return made(kind);
    } finally {
      api.unlock();
    }
  }

  private Map<String, String> made(String kind) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    IdentityService identity = engine.getIdentityService();
    String id = run + unique.incrementAndGet();
    return switch (kind) {
      case "unique" -> Map.of("value", id);
      case "throwaway" -> throwaway();
      case "comment" -> {
        Map<String, String> throwaway = throwaway();
        yield Map.of(
            "task",
            throwaway.get("task"),
            "id",
            tasks.createComment(throwaway.get("task"), null, "matrix note").getId());
      }
      case "attachment" -> {
        Map<String, String> throwaway = throwaway();
        yield Map.of(
            "task",
            throwaway.get("task"),
            "id",
            tasks
                .createAttachment(
                    "text/plain",
                    throwaway.get("task"),
                    null,
                    "matrix.txt",
                    "matrix",
                    "https://example.org/matrix")
                .getId());
      }
      case "finished" -> {
        Map<String, String> throwaway = throwaway();
        tasks.complete(throwaway.get("task"));
        yield Map.of(
            "id",
            throwaway.get("id"),
            "variable",
            engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(throwaway.get("id"))
                .singleResult()
                .getId());
      }
      case "instanceComment" -> {
        String instance = throwaway().get("id");
        yield Map.of(
            "instance", instance, "id", tasks.createComment(null, instance, "matrix note").getId());
      }
      case "standaloneTask" -> {
        Task task = tasks.newTask(id);
        task.setName("Matrix task");
        tasks.saveTask(task);
        yield Map.of("id", id);
      }
      case "incident" -> {
        Map<String, String> throwaway = throwaway();
        // A configuration of its own: resolving an incident resolves every incident of the same
        // configuration.
        yield Map.of(
            "id",
            runtime.createIncident("matrix", throwaway.get("execution"), id).getId(),
            "instance",
            throwaway.get("id"));
      }
      case "batch" -> {
        // Created and suspended in one transaction: the job executor never sees its jobs, so
        // deleting it races with nothing.
        String instance = throwaway().get("id");
        String batch =
            transactions.execute(
                status -> {
                  String created =
                      runtime.deleteProcessInstancesAsync(List.of(instance), "matrix").getId();
                  engine.getManagementService().suspendBatchById(created);
                  return created;
                });
        yield Map.of("id", batch);
      }
      case "deployment" -> deployment(id);
      case "user" -> {
        User user = identity.newUser(id);
        user.setPassword(Fixtures.PASSWORD);
        identity.saveUser(user);
        yield Map.of("id", id);
      }
      case "group" -> {
        identity.saveGroup(identity.newGroup(id));
        yield Map.of("id", id);
      }
      case "tenant" -> {
        identity.saveTenant(identity.newTenant(id));
        yield Map.of("id", id);
      }
      case "filter" -> {
        FilterService filters = engine.getFilterService();
        yield Map.of(
            "id",
            filters
                .saveFilter(
                    filters
                        .newTaskFilter("Matrix " + id)
                        .setQuery(tasks.createTaskQuery().taskId("authorization-matrix-none")))
                .getId());
      }
      case "authorization" -> {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(id);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(id);
        grant.addPermission(Permissions.READ);
        yield Map.of("id", authorizations.saveAuthorization(grant).getId());
      }
      case "facility" -> Map.of("id", fixtures.newFacility("Matrix facility " + id));
      case "organisation" ->
          Map.of("id", fixtures.organisation("Matrix Org " + id, "NGO").organisationId());
      case "ngoUser" -> {
        Ngo ngo = fixtures.organisation("Matrix Member " + id, "NGO");
        yield Map.of("id", ngo.user());
      }
      case "unboundNgoUser" -> {
        User user = identity.newUser(id);
        user.setPassword(Fixtures.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "ngo");
        yield Map.of("id", id);
      }
      case "accreditation" ->
          Map.of(
              "id",
              fixtures.applied("Matrix Applicant " + id, named.get("facility")).accreditationId());
      case "visit" ->
          Map.of(
              "id",
              fixtures.visit(
                  a,
                  named.get("facility"),
                  List.of(UUID.fromString(named.get("representativeA"))),
                  nextWeekday()));
      case "report" ->
          Map.of("id", fixtures.report(a, named.get("facility"), "Findings " + reportSecret));
      default -> throw new IllegalArgumentException("no fresh fixture of kind " + kind);
    };
  }

  /**
   * An instance of the throw-away process: its task of ngo-liaison, execution, timer job and
   * variable.
   */
  private Map<String, String> throwaway() {
    ProcessInstance instance =
        engine.getRuntimeService().startProcessInstanceByKey(THROWAWAY, Map.of("note", "matrix"));
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .singleResult();
    return Map.of(
        "id",
        instance.getId(),
        "task",
        task.getId(),
        "execution",
        task.getExecutionId(),
        "job",
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(instance.getId())
            .singleResult()
            .getId(),
        "variable",
        engine
            .getRuntimeService()
            .createVariableInstanceQuery()
            .processInstanceIdIn(instance.getId())
            .singleResult()
            .getId(),
        "definition",
        instance.getProcessDefinitionId());
  }

  /**
   * A deployment of a process of its own key, so suspending or deleting it by key touches nothing
   * else.
   */
  private Map<String, String> deployment(String id) {
    String key = "matrix-" + id;
    RepositoryService repository = engine.getRepositoryService();
    Deployment deployment =
        repository
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .addModelInstance(key + ".bpmn", model(key))
            .deploy();
    ProcessDefinition definition =
        repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
    return Map.of(
        "id",
        deployment.getId(),
        "definition",
        definition.getId(),
        "key",
        key,
        "resource",
        repository.getDeploymentResources(deployment.getId()).get(0).getId(),
        "jobDefinition",
        engine
            .getManagementService()
            .createJobDefinitionQuery()
            .processDefinitionId(definition.getId())
            .singleResult()
            .getId());
  }

  /** A task of ngo-liaison with a timer a thousand days away. */
  static BpmnModelInstance model(String key) {
    return Bpmn.createExecutableProcess(key)
        .name("Authorization matrix " + key)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .userTask("Task_Throwaway")
        .name("Throw-away task")
        .camundaCandidateGroups("ngo-liaison")
        .boundaryEvent("Timer_Later")
        .cancelActivity(false)
        .timerWithDuration("P1000D")
        .endEvent("EndEvent_Later")
        .moveToActivity("Task_Throwaway")
        .endEvent("EndEvent_Done")
        .done();
  }

  /**
   * A process whose service task calls a method on the execution: what a process owner must not
   * deploy (defect 1 of issue 10); never started.
   */
  static BpmnModelInstance expressionModel(String key) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Started")
        .serviceTask("Task_ReachTheEngine")
        .camundaExpression("${execution.getProcessEngineServices()}")
        .endEvent("EndEvent_Done")
        .done();
  }

  /**
   * Deletes what the matrix created in the engine: its deployments with their instances, tasks,
   * users, groups, tenants, filters, grants.
   */
  void cleanUp() {
    TaskService tasks = engine.getTaskService();
    tasks.createTaskQuery().taskName("Matrix task").list().stream()
        .filter(task -> task.getId().startsWith(run))
        .forEach(task -> tasks.deleteTask(task.getId(), true));
    RepositoryService repository = engine.getRepositoryService();
    repository
        .createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true, true));
    IdentityService identity = engine.getIdentityService();
    identity.createUserQuery().list().stream()
        .filter(user -> user.getId().startsWith(run))
        .forEach(user -> identity.deleteUser(user.getId()));
    identity.createGroupQuery().list().stream()
        .filter(group -> group.getId().startsWith(run))
        .forEach(group -> identity.deleteGroup(group.getId()));
    identity.createTenantQuery().list().stream()
        .filter(tenant -> tenant.getId().startsWith(run))
        .forEach(tenant -> identity.deleteTenant(tenant.getId()));
    engine
        .getFilterService()
        .createFilterQuery()
        .filterNameLike("Matrix " + run + "%")
        .list()
        .forEach(filter -> engine.getFilterService().deleteFilter(filter.getId()));
    AuthorizationService authorizations = engine.getAuthorizationService();
    authorizations.createAuthorizationQuery().list().stream()
        .filter(grant -> grant.getGroupId() != null && grant.getGroupId().startsWith(run))
        .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
  }

  /** The next Tuesday or Thursday at least five days ahead, inside both demo facilities' hours. */
  private static LocalDate nextWeekday() {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(5);
    while (day.getDayOfWeek() != DayOfWeek.TUESDAY && day.getDayOfWeek() != DayOfWeek.THURSDAY) {
      day = day.plusDays(1);
    }
    return day;
  }
}
