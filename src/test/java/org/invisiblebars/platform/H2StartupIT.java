package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.invisiblebars.InvisibleBarsApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the application the way {@code mvn spring-boot:run} does, on an H2 file database, and
 * restarts it on the same file. Each start is its own context on purpose: a restart is what is
 * being tested, so these tests cannot share the integration tests' context.
 */
class H2StartupIT {

  @TempDir Path dataDirectory;

  @Test
  void demoSeedingIsIdempotentAndDataSurvivesARestart() {
    Map<String, Long> first;
    try (ConfigurableApplicationContext app = start("demo", null)) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      User survivor = identity.newUser("survivor");
      survivor.setPassword("Xq7#Lm2$Vp9!zR");
      identity.saveUser(survivor);
      first = snapshot(app);
      assertThat(first.get("users")).as("the nine demo users and the survivor").isEqualTo(10);
      assertThat(
              jdbc(app)
                  .queryForObject(
                      "select count(*) from organisation_member where user_id = 'john'",
                      Long.class))
          .isEqualTo(1);
    }
    try (ConfigurableApplicationContext app = start("demo", null)) {
      assertThat(snapshot(app)).isEqualTo(first);
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("survivor", "Xq7#Lm2$Vp9!zR")).isTrue();
      assertThat(identity.checkPassword("martha", "demo")).isTrue();
    }
  }

  @Test
  void withoutDemoTheAdministratorPasswordMustBeSetAndStrong() {
    assertThatThrownBy(() -> start(null, "").close())
        .hasStackTraceContaining("ADMIN_PASSWORD is not set");
    assertThatThrownBy(() -> start(null, "demo").close())
        .hasStackTraceContaining("ADMIN_PASSWORD is a well-known default");
    assertThatThrownBy(() -> start(null, "short").close())
        .hasStackTraceContaining("password policy");

    try (ConfigurableApplicationContext app = start(null, "Adm1n!Strong#Pass")) {
      IdentityService identity = app.getBean(ProcessEngine.class).getIdentityService();
      assertThat(identity.checkPassword("admin", "Adm1n!Strong#Pass")).isTrue();
      assertThat(identity.createUserQuery().memberOfGroup("camunda-admin").count()).isEqualTo(1);
      assertThat(identity.createUserQuery().userId("martha").count()).as("no demo users").isZero();
    }
  }

  private ConfigurableApplicationContext start(String profile, String adminPassword) {
    // Command-line arguments, as a user would pass them: they outrank application.yaml.
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.datasource.url=jdbc:h2:file:"
                    + dataDirectory.resolve("invisible-bars")
                    + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false"));
    if (adminPassword != null) {
      args.add("--invisible-bars.admin.password=" + adminPassword);
    }
    SpringApplicationBuilder builder = new SpringApplicationBuilder(InvisibleBarsApplication.class);
    if (profile != null) {
      builder.profiles(profile);
    }
    return builder.run(args.toArray(String[]::new));
  }

  private static JdbcTemplate jdbc(ConfigurableApplicationContext app) {
    return app.getBean(JdbcTemplate.class);
  }

  private static Map<String, Long> snapshot(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = jdbc(app);
    Map<String, Long> counts = new TreeMap<>();
    for (String table :
        new String[] {
          "act_id_user",
          "act_id_group",
          "act_id_membership",
          "act_ru_authorization",
          "act_ru_filter",
          "organisation",
          "organisation_member"
        }) {
      counts.put(
          table.equals("act_id_user") ? "users" : table,
          jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }
}
