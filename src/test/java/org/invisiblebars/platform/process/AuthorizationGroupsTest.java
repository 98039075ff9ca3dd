package org.invisiblebars.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;

class AuthorizationGroupsTest {

  @Test
  void everyGroupOfTheUserIsCheckedOnceWithoutAskingTheDatabase() {
    AuthorizationManager manager = new AuthorizationGroups.WithEveryGroup();

    // no command context: the engine's manager would need one to read the groups holding
    // authorizations
    assertThat(manager.filterAuthenticatedGroupIds(List.of("director", "security", "director")))
        .isInstanceOf(ArrayList.class)
        .containsExactly("director", "security");
    assertThat(manager.filterAuthenticatedGroupIds(List.of())).isEmpty();
    assertThat(manager.filterAuthenticatedGroupIds(null)).isEmpty();
  }

  @Test
  void theEngineOpensOurManagerForItsAuthorizationChecks() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    new AuthorizationGroups().preInit(configuration);

    List<SessionFactory> factories = configuration.getCustomSessionFactories();
    assertThat(factories)
        .singleElement()
        .satisfies(
            factory -> {
              assertThat(factory.getSessionType()).isEqualTo(AuthorizationManager.class);
              assertThat(factory.openSession())
                  .isInstanceOf(AuthorizationGroups.WithEveryGroup.class);
            });
  }
}
