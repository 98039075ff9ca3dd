package org.invisiblebars.platform.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.invisiblebars.platform.process.EngineInternals;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's own figures for Prometheus (jobs waiting, jobs failed, open incidents) and the job
 * executor in {@code /actuator/health}, beside the database that Spring Boot checks already.
 */
@Configuration
class EngineMonitoring {

  EngineMonitoring(MeterRegistry registry, ManagementService management, RuntimeService runtime) {
    Gauge.builder(
            "camunda.jobs.executable", management, m -> m.createJobQuery().executable().count())
        .description("Jobs due and waiting for the job executor")
        .register(registry);
    Gauge.builder(
            "camunda.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs that failed and have no retries left")
        .register(registry);
    Gauge.builder("camunda.incidents.open", runtime, r -> r.createIncidentQuery().count())
        .description("Open incidents")
        .register(registry);
  }

  @Bean
  HealthIndicator jobExecutorHealthIndicator(ProcessEngine engine, EngineInternals internals) {
    return () -> {
      boolean active = internals.jobExecutorActive();
      return (active ? Health.up() : Health.down()).withDetail("engine", engine.getName()).build();
    };
  }
}
