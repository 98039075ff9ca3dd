package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.groups.Tuple;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

class ApplicationSmokeIT extends IntegrationTest {

  @Autowired ProcessEngine processEngine;
  @Autowired Flyway flyway;
  @Autowired JdbcTemplate jdbc;

  @Test
  void engineRunsOnPostgresql() {
    var configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
    assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(configuration.isEnablePasswordPolicy()).isTrue();
  }

  @Test
  void flywayAppliedOurMigrationsBesideCamundasSchema() {
    assertThat(flyway.info().applied())
        .extracting(m -> m.getVersion().getVersion(), m -> m.getState())
        .contains(
            Tuple.tuple("1", MigrationState.SUCCESS),
            Tuple.tuple("2", MigrationState.SUCCESS),
            Tuple.tuple("3", MigrationState.SUCCESS),
            Tuple.tuple("4", MigrationState.SUCCESS));
    assertThat(jdbc.queryForObject("select count(*) from organisation", Integer.class))
        .isPositive();
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Integer.class))
        .isPositive();
  }

  @Test
  void tasklistIsServed() {
    var page = rest.getForEntity("/camunda/app/tasklist/default/", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody()).contains("Tasklist");
  }
}
