package org.invisiblebars.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.TaskQuerySql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist's queries at volume (issue 11). The authorization check of task and variable queries as
 * EXISTS subqueries ({@link ExistsAuthorizationCheck}): the engine runs them, the database checks
 * each task's grants instead of joining every grant to every task, and each user sees over the
 * engine REST API exactly the tasks and variables the engine's own statements show them: by
 * candidate group, by several groups, by a grant to the user, by a grant on the process definition,
 * with a grant on every task, and minus a revoke. The due-date index of {@link TaskListIndexes}.
 */
class TaskListQueriesIT extends IntegrationTest {

  static final Consumer<TaskQuery> DIRECTORS_QUEUE =
      query -> query.taskCandidateGroup("director").includeAssignedTasks().orderByDueDate().asc();

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired DataSource dataSource;
  @Autowired ObjectMapper json;
  @Autowired JdbcTemplate jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final List<String> standaloneTasks = new ArrayList<>();
  private final List<String> users = new ArrayList<>();
  private final List<String> groups = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private String deployment;

  @AfterEach
  void removeFixtures() {
    // First: deleting a task or a definition deletes the authorizations on it.
    authorizations.forEach(authorizationService::deleteAuthorization);
    standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment, true);
    }
    users.forEach(identityService::deleteUser);
    groups.forEach(identityService::deleteGroup);
  }

  @Test
  void theEngineRunsTheExistsCheckForTaskListsAndCounts() {
    for (String statement : List.of(TaskQuerySql.LIST, TaskQuerySql.COUNT)) {
      TaskQuerySql sql =
          TaskQuerySql.of(engine, statement, "martha", List.of("director"), DIRECTORS_QUEUE, 15);

      assertThat(sql.statementId()).startsWith(ExistsAuthorizationCheck.NAMESPACE + ".");
      assertThat(sql.text())
          .as(statement)
          .contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = RES.ID_")
          .contains("A.RESOURCE_ID_ = D.KEY_", "A.RESOURCE_ID_ = '*'")
          .doesNotContain("AUTH ON", "AUTH.RESOURCE_ID_");
    }
    assertThat(TaskQuerySql.mappings(engine))
        .containsEntry(
            "selectVariableInstanceByQueryCriteria",
            ExistsAuthorizationCheck.ourId("selectVariableInstanceByQueryCriteriaWithExistsCheck"));
  }

  @Test
  void theDatabaseChecksEachTasksGrantsInsteadOfJoiningAllGrants() throws SQLException {
    TaskQuerySql ours =
        TaskQuerySql.of(
            engine, TaskQuerySql.LIST, "martha", List.of("director"), DIRECTORS_QUEUE, 15);
    Map<String, String> configured = TaskQuerySql.mappings(engine);
    TaskQuerySql engines;
    TaskQuerySql.use(engine, TaskQuerySql.engineOwnMappings(engine));
    try {
      engines =
          TaskQuerySql.of(
              engine, TaskQuerySql.LIST, "martha", List.of("director"), DIRECTORS_QUEUE, 15);
    } finally {
      TaskQuerySql.use(engine, configured);
    }

    List<String> plan = ours.explain(dataSource, "costs off");
    assertThat(authorizationScansOutsideSubqueries(plan)).as(String.join("\n", plan)).isEmpty();
    assertThat(plan)
        .as("the check of the task's own grants")
        .anyMatch(row -> row.contains("SubPlan"));
    List<String> enginePlan = engines.explain(dataSource, "costs off");
    assertThat(authorizationScansOutsideSubqueries(enginePlan))
        .as("the engine joins: " + String.join("\n", enginePlan))
        .isNotEmpty();
  }

  @Test
  void theTaskListHasItsDueDateIndex() {
    assertThat(
            jdbc.queryForList(
                "select indexdef from pg_indexes where tablename = 'act_ru_task'", String.class))
        .anyMatch(
            index ->
                index.matches(
                    "(?i)create index ib_idx_task_due_date on \\S*act_ru_task using btree \\(due_date_\\)"));
  }

  @Test
  void everyoneSeesExactlyTheTasksTheirGrantsAllow() {
    String both = user("tqboth" + run, "director", "security");
    String readers = group("tq-readers-" + run);
    // Staff use the engine REST API; process owners have no grant on tasks or instances.
    String reader = user("tqreader" + run, readers, "process-owner");
    String director1 = standaloneTask("director");
    String director2 = standaloneTask("director");
    String security = standaloneTask("security");
    String lenasOwn = standaloneTask(null);
    taskService.addCandidateUser(lenasOwn, "lena");
    List<String> process = processTasks("security", 2);
    grant(
        readers,
        Resources.PROCESS_DEFINITION,
        processKey(),
        ProcessDefinitionPermissions.READ_TASK);
    List<String> fixtures = new ArrayList<>(List.of(director1, director2, security, lenasOwn));
    fixtures.addAll(process);

    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put("martha", Set.of(director1, director2));
    expected.put("sam", union(List.of(security), process));
    expected.put(both, union(List.of(director1, director2, security), process));
    expected.put("lena", Set.of(lenasOwn));
    expected.put(reader, Set.copyOf(process));
    expected.put("maria", Set.copyOf(fixtures));
    expected.put("admin", Set.copyOf(fixtures));
    expected.put("paula", Set.of());

    assertEveryoneSees(expected, fixtures);
  }

  @Test
  void aRevokedTaskStaysHidden() {
    String revoked = user("tqrevoked" + run, "director");
    String kept = standaloneTask("director");
    String hidden = standaloneTask("director");
    Authorization revoke =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(revoked);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(hidden);
    revoke.removePermission(Permissions.READ);
    authorizations.add(authorizationService.saveAuthorization(revoke).getId());

    assertEveryoneSees(
        Map.of(revoked, Set.of(kept), "martha", Set.of(kept, hidden)), List.of(kept, hidden));
  }

  @Test
  void everyoneReadsTheVariablesTheirGrantsAllow() {
    String readers = group("tq-instances-" + run);
    String reader = user("tqinstances" + run, readers, "process-owner");
    String task = processTasks("director", 1).get(0);
    String instance =
        taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();
    runtimeService.setVariable(instance, "tqProcessVariable", "of the instance");
    taskService.setVariableLocal(task, "tqTaskVariable", "of the task");
    grant(
        readers,
        Resources.PROCESS_DEFINITION,
        processKey(),
        ProcessDefinitionPermissions.READ_INSTANCE);
    Set<String> both = Set.of("tqProcessVariable", "tqTaskVariable");
    Map<String, Set<String>> expected =
        Map.of(
            "martha",
            Set.of("tqTaskVariable"),
            "sam",
            Set.of(),
            reader,
            both,
            "maria",
            both,
            "admin",
            both);

    Map<String, String> configured = TaskQuerySql.mappings(engine);
    for (Map<String, String> mappings :
        List.of(configured, TaskQuerySql.engineOwnMappings(engine))) {
      TaskQuerySql.use(engine, mappings);
      try {
        expected.forEach(
            (user, names) -> {
              ResponseEntity<String> list =
                  client(user)
                      .postForEntity(
                          "/engine-rest/variable-instance",
                          json(Map.of("variableScopeIdIn", List.of(task, instance))),
                          String.class);
              assertThat(list.getStatusCode().is2xxSuccessful())
                  .as(user + ": " + list.getBody())
                  .isTrue();
              Set<String> read = new TreeSet<>();
              read(list.getBody()).forEach(variable -> read.add(variable.get("name").asText()));
              assertThat(read)
                  .as(user + (mappings == configured ? ", EXISTS check" : ", the engine's join"))
                  .isEqualTo(names);
            });
      } finally {
        TaskQuerySql.use(engine, configured);
      }
    }
  }

  /**
   * Each user's tasks among {@code fixtures}, listed and counted, with our statements and with the
   * engine's.
   */
  private void assertEveryoneSees(Map<String, Set<String>> expected, List<String> fixtures) {
    Map<String, String> configured = TaskQuerySql.mappings(engine);
    for (Map<String, String> mappings :
        List.of(configured, TaskQuerySql.engineOwnMappings(engine))) {
      TaskQuerySql.use(engine, mappings);
      try {
        expected.forEach(
            (user, tasks) -> {
              String statements =
                  mappings == configured ? "with the EXISTS check" : "with the engine's join";
              assertThat(visible(user, fixtures))
                  .as(user + " lists, " + statements)
                  .isEqualTo(new TreeSet<>(tasks));
              assertThat(count(user, fixtures))
                  .as(user + " counts, " + statements)
                  .isEqualTo(tasks.size());
            });
      } finally {
        TaskQuerySql.use(engine, configured);
      }
    }
  }

  private Set<String> visible(String user, List<String> fixtures) {
    ResponseEntity<String> list =
        client(user)
            .postForEntity("/engine-rest/task", json(Map.of("taskIdIn", fixtures)), String.class);
    assertThat(list.getStatusCode().is2xxSuccessful()).as(user + ": " + list.getBody()).isTrue();
    Set<String> ids = new TreeSet<>();
    read(list.getBody()).forEach(task -> ids.add(task.get("id").asText()));
    return ids;
  }

  private long count(String user, List<String> fixtures) {
    ResponseEntity<String> count =
        client(user)
            .postForEntity(
                "/engine-rest/task/count", json(Map.of("taskIdIn", fixtures)), String.class);
    assertThat(count.getStatusCode().is2xxSuccessful()).as(user + ": " + count.getBody()).isTrue();
    return read(count.getBody()).get("count").asLong();
  }

  private static HttpEntity<Map<String, ?>> json(Map<String, ?> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }

  private TestRestTemplate client(String user) {
    return users.contains(user)
        ? rest.withBasicAuth(user, AccreditedOrganisations.PASSWORD)
        : as(user);
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  /**
   * The plan's scans of the authorization table that no {@code SubPlan} or {@code InitPlan} holds:
   * those are joined to the tasks.
   */
  static List<String> authorizationScansOutsideSubqueries(List<String> plan) {
    List<String> joined = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      if (!plan.get(i).contains("on act_ru_authorization")) {
        continue;
      }
      int depth = indent(plan.get(i));
      boolean inSubquery = false;
      for (int j = i - 1; j >= 0 && !inSubquery; j--) {
        String row = plan.get(j);
        if (indent(row) < depth) {
          depth = indent(row);
          inSubquery = row.strip().startsWith("SubPlan") || row.strip().startsWith("InitPlan");
        }
      }
      if (!inSubquery) {
        joined.add(plan.get(i).strip());
      }
    }
    return joined;
  }

  private static int indent(String row) {
    return row.length() - row.stripLeading().length();
  }

  // ---- fixtures ------------------------------------------------------------------------------

  private String user(String id, String... memberOf) {
    User user = identityService.newUser(id);
    user.setPassword(AccreditedOrganisations.PASSWORD);
    identityService.saveUser(user);
    users.add(id);
    for (String group : memberOf) {
      identityService.createMembership(id, group);
    }
    return id;
  }

  private String group(String id) {
    identityService.saveGroup(identityService.newGroup(id));
    groups.add(id);
    return id;
  }

  /** A task outside any process, with {@code group} as its candidate (none when null). */
  private String standaloneTask(String group) {
    Task task = taskService.newTask();
    task.setName("Authorization query fixture " + run);
    taskService.saveTask(task);
    standaloneTasks.add(task.getId());
    if (group != null) {
      taskService.addCandidateGroup(task.getId(), group);
    }
    return task.getId();
  }

  private String processKey() {
    return "task-authorization-query-" + run;
  }

  /** {@code instances} tasks of a process of their own, for {@code group}. */
  private List<String> processTasks(String group, int instances) {
    deployment =
        repositoryService
            .createDeployment()
            .addModelInstance(
                processKey() + ".bpmn",
                Bpmn.createExecutableProcess(processKey())
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Fixture")
                    .camundaCandidateGroups(group)
                    .endEvent()
                    .done())
            .deploy()
            .getId();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      String instance = runtimeService.startProcessInstanceByKey(processKey()).getId();
      ids.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
    }
    return ids;
  }

  private void grant(String group, Resources resource, String resourceId, Permission permission) {
    Authorization grant =
        authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setGroupId(group);
    grant.setResource(resource);
    grant.setResourceId(resourceId);
    grant.addPermission(permission);
    authorizations.add(authorizationService.saveAuthorization(grant).getId());
  }

  private static Set<String> union(List<String> some, List<String> more) {
    Set<String> all = new TreeSet<>(some);
    all.addAll(more);
    return all;
  }
}
