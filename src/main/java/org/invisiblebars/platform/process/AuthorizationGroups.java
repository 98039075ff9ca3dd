package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.stereotype.Component;

/**
 * Authorization checks name every group of the signed-in user, without first asking the database
 * which groups hold any authorization (issue 11; figures in docs/performance.md).
 *
 * <p>Why: Camunda 7.24 begins every command that checks authorizations with {@code SELECT
 * distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION} ({@code AuthorizationManager.getAllGroups()}),
 * only to leave out of the checks' {@code GROUP_ID_ IN (...)} lists the user's groups that hold
 * nothing, which keeps those lists short for a user of hundreds of directory groups. The default
 * authorization provider writes a grant per open task and candidate group, so that statement reads
 * a table that grows with the open tasks, once per command (a Tasklist page runs five), and on
 * PostgreSQL it reads every row. Our users belong to a handful of groups of our own.
 *
 * <p>The checks' answers are the same: a group that holds no authorization matches no row of {@code
 * ACT_RU_AUTHORIZATION}, whether it is named in the list or not, for grants and revokes alike.
 * {@code AuthorizationMatrixIT} and {@code TaskListQueriesIT} hold every role to what it may see
 * and do.
 *
 * <p>How, by hand because 7.24 has no setting for it: the engine opens its {@link
 * AuthorizationManager} per command from a session factory; this plugin registers one that opens a
 * subclass overriding the one public method that filters the groups.
 */
@Component
public class AuthorizationGroups extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories =
        configuration.getCustomSessionFactories() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomSessionFactories());
    factories.add(
        new SessionFactory() {
          @Override
          public Class<?> getSessionType() {
            return AuthorizationManager.class;
          }

          @Override
          public Session openSession() {
            return new WithEveryGroup();
          }
        });
    configuration.setCustomSessionFactories(factories);
  }

  /** The engine's authorization manager, checking every group of the user. */
  static class WithEveryGroup extends AuthorizationManager {

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
      if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
        return EMPTY_LIST;
      }
      // MyBatis reads the list by reflection: a plain ArrayList, as the engine's own
      return new ArrayList<>(new LinkedHashSet<>(authenticatedGroupIds));
    }
  }
}
