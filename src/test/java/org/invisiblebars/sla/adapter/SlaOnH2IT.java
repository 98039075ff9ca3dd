package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.InvisibleBarsApplication;
import org.invisiblebars.sla.domain.SlaBreachRepository;
import org.invisiblebars.sla.usecase.SlaReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The SLA queries (our SQL over the engine's tables and V7) on H2, the database of {@code mvn
 * spring-boot:run}; the integration tests run on PostgreSQL. An application of its own, so it runs
 * beside the start-and-restart tests (failsafe execution h2-startup).
 */
class SlaOnH2IT {

  @TempDir Path dataDirectory;

  @Test
  void aBreachIsRecordedAndReportedOnH2() {
    try (var app =
        new SpringApplicationBuilder(InvisibleBarsApplication.class)
            .profiles("demo")
            .run(
                "--spring.datasource.url=jdbc:h2:file:"
                    + dataDirectory.resolve("sla")
                    + ";DB_CLOSE_ON_EXIT=FALSE",
                "--server.port=0",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--invisible-bars.sla.scan-interval=P1D")) {
      ProcessEngine engine = app.getBean(ProcessEngine.class);
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              "h2-check.bpmn",
              Bpmn.createExecutableProcess("h2-check")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Review")
                  .camundaCandidateGroups("ngo-liaison")
                  .endEvent()
                  .done())
          .deploy();
      String instance = engine.getRuntimeService().startProcessInstanceByKey("h2-check").getId();
      Task task =
          engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
      engine
          .getTaskService()
          .setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofMinutes(5))));

      assertThat(app.getBean(BreachScan.class).scan()).isPositive();
      assertThat(app.getBean(SlaBreachRepository.class).findByTaskId(task.getId())).hasSize(1);

      SlaReports reports = app.getBean(SlaReports.class);
      assertThat(reports.summary().breached()).isPositive();
      assertThat(reports.breachesPerDay(30))
          .hasSize(30)
          .last()
          .satisfies(today -> assertThat(today.breaches()).isPositive());
      assertThat(
              reports
                  .breaches(
                      new SlaReports.BreachFilter("h2-check", null, null, null, null, true), 0, 10)
                  .total())
          .isEqualTo(1);
      engine.getTaskService().complete(task.getId());
      assertThat(reports.taskTypes(Instant.now().minus(Duration.ofDays(1))))
          .anySatisfy(type -> assertThat(type.processKey()).isEqualTo("h2-check"));
    }
  }
}
