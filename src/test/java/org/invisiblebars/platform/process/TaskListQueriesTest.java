package org.invisiblebars.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.support.TaskQuerySql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Tasklist's queries on H2: {@link ExistsAuthorizationCheck} on H2, the database of {@code mvn
 * spring-boot:run}, with an engine of its own (authorization on, no Spring): the engine runs our
 * statements, they find what the engine's find, and a task mapping that no longer looks like 7.24's
 * is refused rather than rewritten by guess; {@link TaskListIndexes} creates its index there too.
 * PostgreSQL and the users of the application: {@code TaskListQueriesIT}.
 */
class TaskListQueriesTest {

  private static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("task-list-queries-test");
    configuration.setJdbcUrl("jdbc:h2:mem:task-list-queries-test;DB_CLOSE_DELAY=-1");
    configuration.setAuthorizationEnabled(true);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEnginePlugins(List.of(new ExistsAuthorizationCheck()));
    engine = configuration.buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theEngineRunsOurStatementsOnH2() {
    TaskQuerySql count =
        TaskQuerySql.of(
            engine,
            TaskQuerySql.COUNT,
            "anna",
            List.of("director"),
            query -> query.taskCandidateGroup("director"),
            15);

    assertThat(count.statementId())
        .isEqualTo(ExistsAuthorizationCheck.ourId("selectTaskCountByQueryCriteriaWithExistsCheck"));
    assertThat(count.text()).contains("A.RESOURCE_ID_ = RES.ID_").doesNotContain("AUTH ON");
    assertThat(TaskQuerySql.mappings(engine))
        .containsEntry(
            "selectVariableInstanceByQueryCriteria",
            ExistsAuthorizationCheck.ourId("selectVariableInstanceByQueryCriteriaWithExistsCheck"));
  }

  @Test
  void aGroupSeesItsTasksAndNotAnotherGroupsAsWithTheEnginesStatements() {
    TaskService tasks = engine.getTaskService();
    String director = task("director");
    String security = task("security");
    String candidate = task(null);
    tasks.addCandidateUser(candidate, "anna");
    Map<String, String> configured = TaskQuerySql.mappings(engine);

    for (Map<String, String> mappings :
        List.of(configured, TaskQuerySql.engineOwnMappings(engine))) {
      TaskQuerySql.use(engine, mappings);
      try {
        assertThat(visible("anna", List.of("director")))
            .containsExactlyInAnyOrder(director, candidate);
        assertThat(visible("bert", List.of("security"))).containsExactly(security);
        assertThat(visible("carl", List.of("director", "security")))
            .containsExactlyInAnyOrder(director, security);
        assertThat(visible("dora", List.of("ngo-liaison"))).isEmpty();
      } finally {
        TaskQuerySql.use(engine, configured);
      }
    }
  }

  @Test
  void aTaskMappingWithoutTheJoinWhereItWasIsNotRewritten() throws Exception {
    List<Document> engineMappings = new ArrayList<>();
    for (ExistsAuthorizationCheck.Rewrite rewrite : ExistsAuthorizationCheck.REWRITES) {
      engineMappings.add(
          ExistsAuthorizationCheck.read(
              ProcessEngineConfigurationImpl.class.getClassLoader(), rewrite.mapping()));
    }
    assertThat(new String(ExistsAuthorizationCheck.mapper(engineMappings), StandardCharsets.UTF_8))
        .as("7.24's mappings are rewritten")
        .contains("A.RESOURCE_ID_ = ${resourceId}", "RES.PROC_INST_ID_");
    NodeList includes = engineMappings.get(0).getElementsByTagName("include");
    for (int i = 0; i < includes.getLength(); i++) {
      Element include = (Element) includes.item(i);
      if (ExistsAuthorizationCheck.ENGINE_JOIN.equals(include.getAttribute("refid"))) {
        // As if a later version joined the authorization table elsewhere: the include moves out of
        // its <if>.
        include.getParentNode().getParentNode().getParentNode().appendChild(include);
        break;
      }
    }

    assertThatThrownBy(() -> ExistsAuthorizationCheck.mapper(engineMappings))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not as in 7.24");
  }

  @Test
  void theDueDateIndexIsCreatedOnceOnH2() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
    TaskListIndexes indexes = new TaskListIndexes(jdbc);

    indexes.postProcessEngineBuild(engine);
    indexes.postProcessEngineBuild(engine);

    assertThat(
            jdbc.queryForList(
                "select index_name from information_schema.indexes where table_name = 'ACT_RU_TASK'",
                String.class))
        .containsOnlyOnce(TaskListIndexes.INDEXES.keySet().toArray(String[]::new));
  }

  private String task(String candidateGroup) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.newTask();
    tasks.saveTask(task);
    if (candidateGroup != null) {
      tasks.addCandidateGroup(task.getId(), candidateGroup);
    }
    return task.getId();
  }

  private List<String> visible(String user, List<String> groups) {
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      TaskService tasks = engine.getTaskService();
      List<String> ids = tasks.createTaskQuery().list().stream().map(Task::getId).toList();
      assertThat(tasks.createTaskQuery().count()).as(user + " counts").isEqualTo(ids.size());
      return ids;
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }
}
