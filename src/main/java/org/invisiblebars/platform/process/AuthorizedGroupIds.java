package org.invisiblebars.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's look-up of the groups that hold any authorization walks the index on
 * {@code ACT_RU_AUTHORIZATION.GROUP_ID_} instead of reading the whole table (issue 11; figures in
 * docs/performance.md).
 *
 * <p>Why: every command that checks authorizations first asks for {@code SELECT distinct(GROUP_ID_)
 * FROM ACT_RU_AUTHORIZATION} (Camunda 7.24's {@code AuthorizationManager.getAllGroups()}), to leave
 * out of its checks the user's groups that hold nothing. The default authorization provider writes
 * a grant per open task and candidate group, so that table grows with the open tasks, and
 * PostgreSQL answers a {@code DISTINCT} by reading every row: a few milliseconds at 10,000 open
 * tasks, more at 50,000, for every command of every request (a Tasklist page runs five). The
 * statement of {@code authorized-group-ids.xml} returns the same groups with one index probe per
 * group. Other databases keep the engine's statement (H2 answers a {@code DISTINCT} on an indexed
 * column from the index).
 *
 * <p>How, by hand because 7.24 has no extension point for a mapping: the statement is added to the
 * engine's MyBatis configuration under a namespace of ours and the engine's statement name is
 * mapped to it for this engine only, as {@link ExistsAuthorizationCheck} does. If it cannot be
 * added, the plugin logs a warning and the engine's statement runs; {@code AuthorizedGroupIdsIT}
 * compares both.
 */
@Component
public class AuthorizedGroupIds extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedGroupIds.class);

  public static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
  static final String NAMESPACE = "org.invisiblebars.platform.process.authorized-group-ids";
  public static final String STATEMENT = NAMESPACE + ".selectAuthorizedGroupIdsAlongTheIndex";
  static final String MAPPER = "org/invisiblebars/platform/process/authorized-group-ids.xml";

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!"postgres".equals(configuration.getDatabaseType())) {
      return;
    }
    try {
      Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
      // A shared SQL session factory (isUseSharedSqlSessionFactory) has it from the first engine.
      if (!mybatis.hasStatement(STATEMENT, false)) {
        try (InputStream mapper = AuthorizedGroupIds.class.getClassLoader().getResourceAsStream(MAPPER)) {
          if (mapper == null) {
            throw new IOException(MAPPER + " is not on the class path");
          }
          new XMLMapperBuilder(mapper, mybatis, MAPPER, mybatis.getSqlFragments()).parse();
        }
      }
      mybatis.getMappedStatement(STATEMENT);
      ExistsAuthorizationCheck.mapForThisEngine(configuration.getDbSqlSessionFactory(), Map.of(ENGINE_STATEMENT, STATEMENT));
    } catch (RuntimeException | IOException e) {
      LOG.warn("Every command keeps reading all of ACT_RU_AUTHORIZATION for the groups that hold authorizations:"
          + " the statement could not be added", e);
    }
  }
}
