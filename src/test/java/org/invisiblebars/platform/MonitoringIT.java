package org.invisiblebars.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Health is public without details; metrics are for managers and administrators. */
class MonitoringIT extends IntegrationTest {

  @Autowired ObjectMapper json;

  @Test
  void healthShowsTheDatabaseAndTheJobExecutorToSignedInCallers() throws Exception {
    var anonymous = json.readTree(rest.getForObject("/actuator/health", String.class));
    assertThat(anonymous.get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.has("components")).as("no details for anonymous callers").isFalse();

    var detailed = json.readTree(as("maria").getForObject("/actuator/health", String.class));
    assertThat(detailed.at("/components/db/status").asText()).isEqualTo("UP");
    assertThat(detailed.at("/components/jobExecutor/status").asText()).isEqualTo("UP");
  }

  @Test
  void prometheusIsForManagersAndAdministrators() {
    assertThat(rest.getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("lena").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("john").getForEntity("/actuator/prometheus", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);

    String metrics = as("maria").getForObject("/actuator/prometheus", String.class);
    assertThat(metrics)
        .contains(
            "camunda_jobs_executable",
            "camunda_jobs_failed",
            "camunda_incidents_open",
            "sla_open_tasks{state=\"ON_TIME\"}",
            "sla_open_tasks{state=\"BREACHED\"}",
            "hikaricp_connections");
  }
}
