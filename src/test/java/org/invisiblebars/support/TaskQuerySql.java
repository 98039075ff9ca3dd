package org.invisiblebars.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The SQL statement the engine runs for a task query, as a given user runs it: the statement the
 * engine's {@code TaskManager} selects (after the engine's own and our statement mappings), with
 * the authorization and tenant checks the engine adds for that user. Lets a test read the SQL and
 * let the database explain it, without timing anything.
 *
 * <p>Builds the query as {@code TaskQueryImpl.executeList} and {@code executeCount} do before they
 * call the {@code TaskManager}; their steps are protected, hence the subclass.
 */
public final class TaskQuerySql {

  /** The engine's names of the task list and count statements. */
  public static final String LIST = "selectTaskByQueryCriteria";

  public static final String COUNT = "selectTaskCountByQueryCriteria";

  private final MappedStatement statement;
  private final Object parameter;
  private final BoundSql sql;

  private TaskQuerySql(MappedStatement statement, Object parameter, BoundSql sql) {
    this.statement = statement;
    this.parameter = parameter;
    this.sql = sql;
  }

  /**
   * The list ({@link #LIST}, first page of {@code pageSize}) or count ({@link #COUNT}) statement of
   * the query that {@code criteria} describes, as {@code userId} in {@code groupIds} runs it.
   */
  public static TaskQuerySql of(
      ProcessEngine engine,
      String engineStatement,
      String userId,
      List<String> groupIds,
      Consumer<TaskQuery> criteria,
      int pageSize) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    PreparedTaskQuery query = new PreparedTaskQuery(configuration);
    criteria.accept(query);
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(userId, groupIds);
    try {
      return configuration
          .getCommandExecutorTxRequired()
          .execute(
              context -> {
                query.prepare(context, pageSize);
                String id = configuration.getDbSqlSessionFactory().mapStatement(engineStatement);
                MappedStatement statement =
                    configuration.getSqlSessionFactory().getConfiguration().getMappedStatement(id);
                return new TaskQuerySql(statement, query, statement.getBoundSql(query));
              });
    } finally {
      identity.clearAuthentication();
    }
  }

  /**
   * The statement mappings of the engine's session factory without ours for {@link #LIST} and
   * {@link #COUNT}: with them, the engine runs its own task statements.
   */
  public static Map<String, String> engineOwnMappings(ProcessEngine engine) {
    Map<String, String> mappings = new HashMap<>(mappings(engine));
    mappings.remove(LIST);
    mappings.remove(COUNT);
    return mappings;
  }

  /** The statement mappings the engine's session factory runs with now (never null). */
  public static Map<String, String> mappings(ProcessEngine engine) {
    Map<String, String> mappings = sessions(engine).getStatementMappings();
    return mappings == null ? Map.of() : mappings;
  }

  /** Makes the engine run its task statements through {@code mappings} from now on. */
  public static void use(ProcessEngine engine, Map<String, String> mappings) {
    sessions(engine).setStatementMappings(mappings);
  }

  private static DbSqlSessionFactory sessions(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
  }

  /**
   * The MyBatis statement that runs, e.g. {@code
   * org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria}.
   */
  public String statementId() {
    return statement.getId();
  }

  /** The SQL text with its {@code ?} placeholders, whitespace collapsed. */
  public String text() {
    return sql.getSql().replaceAll("\\s+", " ").strip();
  }

  /**
   * The database's plan of the statement with these parameters, one line per row (PostgreSQL's
   * EXPLAIN).
   */
  public List<String> explain(DataSource dataSource, String options) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement explain =
            connection.prepareStatement("explain (" + options + ") " + sql.getSql())) {
      new DefaultParameterHandler(statement, parameter, sql).setParameters(explain);
      List<String> plan = new ArrayList<>();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.add(rows.getString(1));
        }
      }
      return plan;
    }
  }

  /**
   * A task query that prepares itself as the engine does before it reaches the {@code TaskManager}.
   */
  private static final class PreparedTaskQuery extends TaskQueryImpl {

    PreparedTaskQuery(ProcessEngineConfigurationImpl configuration) {
      super(configuration.getCommandExecutorTxRequired());
    }

    void prepare(CommandContext context, int pageSize) {
      ensureOrExpressionsEvaluated();
      ensureVariablesInitialized();
      checkQueryOk();
      resetCachedCandidateGroups();
      decideAuthorizationJoinType(context);
      setFirstResult(0);
      setMaxResults(pageSize);
      context.getAuthorizationManager().configureTaskQuery(this);
      context.getTenantManager().configureQuery(this);
    }
  }
}
