package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.platform.process.EngineInternals;
import org.invisiblebars.platform.process.EngineTaskTable;
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.TaskCandidates;
import org.invisiblebars.sla.domain.SlaBreach;
import org.invisiblebars.sla.domain.SlaBreachRepository;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A task past its due date is recorded once, escalated to its policy's group (told, with a raised
 * priority), and resolved on completion.
 */
class SlaBreachIT extends IntegrationTest {

  @Autowired Notifications notifications;
  @Autowired OutboxSender sender;
  @Autowired BreachScan scan;
  @Autowired SlaBreachRepository breaches;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ObjectMapper json;
  @Autowired SlaMetrics metrics;
  @Autowired HeldDeployments held;
  @Autowired DataSource dataSource;
  @Autowired NamedParameterJdbcTemplate jdbc;
  @Autowired ApplicationContext applicationContext;
  @Autowired PlatformTransactionManager transactions;

  private Deployment deployment;

  @BeforeEach
  void deploy() {
    deployment =
        repositoryService
            .createDeployment()
            .addModelInstance(
                "breach-check.bpmn",
                Bpmn.createExecutableProcess("breach-check")
                    .camundaHistoryTimeToLive(1)
                    .startEvent()
                    .userTask("Task_Review")
                    .camundaCandidateGroups("ngo-liaison")
                    .endEvent()
                    .done())
            .deploy();
  }

  @AfterEach
  void undeploy() {
    repositoryService.deleteDeployment(deployment.getId(), true);
  }

  @Test
  void aBreachIsRecordedOnceEscalatedAndResolved() throws Exception {
    Task task = overdueTask();

    scan.scan();
    scan.scan();

    List<SlaBreach> recorded = breaches.findByTaskId(task.getId());
    assertThat(recorded).hasSize(1);
    SlaBreach breach = recorded.get(0);
    assertThat(breach.getProcessKey()).isEqualTo("breach-check");
    assertThat(breach.getCandidateGroups()).isEqualTo("ngo-liaison");
    assertThat(breach.getEscalationGroup()).isEqualTo("manager");
    assertThat(breach.getDueAt()).isBefore(breach.getBreachedAt());
    assertThat(breach.getResolvedAt()).isNull();

    Task escalated = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(escalated.getPriority()).isEqualTo(BreachScan.ESCALATED_PRIORITY);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .as("the managers are told, not given the work (issue 13)")
        .containsExactly("ngo-liaison");
    assertThat(
            json.readTree(as("maria").getForObject("/api/v1/sla/escalations", String.class))
                .findValuesAsText("taskId"))
        .as("the breach is among those escalated to the managers")
        .contains(task.getId());

    taskService.complete(task.getId());
    assertThat(breaches.findByTaskId(task.getId()).get(0).getResolvedAt()).isNotNull();

    var types =
        json.readTree(as("maria").getForObject("/api/v1/sla/task-types?days=1", String.class));
    var review =
        StreamSupport.stream(types.spliterator(), false)
            .filter(t -> t.get("processKey").asText().equals("breach-check"))
            .findFirst()
            .orElseThrow();
    assertThat(review.get("finished").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(review.has("median") && review.has("p90")).isTrue();
    assertThat(review.at("/target/workingDays").asBoolean()).isTrue();
    assertThat(
            as("maria")
                .getForEntity("/api/v1/sla/task-types?days=0", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @Test
  void theEscalationGroupIsToldByEmailOnce() {
    Task task = overdueTask();

    scan.scan();
    scan.scan();
    sender.sendDue();

    String link = "http://localhost:8080" + Notifications.taskPath(task.getId());
    assertThat(GreenMailServer.awaitTo("maria@prison.example", mail -> mail.text().contains(link)))
        .as("the managers are told once, with the task's link")
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.subject()).startsWith("Escalated: ").endsWith("is overdue");
              assertThat(mail.text()).contains("Waiting with: ngo-liaison");
            });
    assertThat(GreenMailServer.to("lena@prison.example"))
        .filteredOn(mail -> mail.text().contains(link))
        .extracting(GreenMailServer.Received::subject)
        .as("the late group was told of the new task, not of the escalation")
        .noneMatch(subject -> subject.startsWith("Escalated"));
  }

  @Test
  void twoScansAtOnceRecordTheBreachOnce() throws Exception {
    Task task = overdueTask();
    Callable<Integer> scanning = scan::scan;
    var pool = Executors.newFixedThreadPool(2);
    try {
      pool.invokeAll(List.of(scanning, scanning, scanning));
    } finally {
      pool.shutdown();
    }
    assertThat(breaches.findByTaskId(task.getId())).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .as("told, never made a candidate")
        .doesNotContain("manager");
  }

  /**
   * Older breaches still open do not hide a task that has just passed its due date from the scan.
   */
  @Test
  void aScanReachesNewBreachesPastOldOpenOnes() {
    Task older = overdueTask();
    Task newer = overdueTask();
    taskService.setDueDate(newer.getId(), Date.from(Instant.now().minus(Duration.ofMinutes(1))));
    scan.scan(1); // a batch of one: the older one, or any other test's task still unrecorded

    for (int i = 0; i < 20 && breaches.findByTaskId(newer.getId()).isEmpty(); i++) {
      scan.scan(1);
    }
    assertThat(breaches.findByTaskId(older.getId())).hasSize(1);
    assertThat(breaches.findByTaskId(newer.getId()))
        .as("recorded although older open breaches fill a batch")
        .hasSize(1);
  }

  /**
   * Two application nodes: a second process engine, built here by hand on the same PostgreSQL
   * database (no schema update, no job executor), with its own breach scan. Both scan at the same
   * moment; the breach is recorded and escalated once.
   */
  @Test
  void twoEnginesOnOneDatabaseRecordTheBreachOnce() throws Exception {
    Task task = overdueTask();
    ProcessEngine secondNode = secondEngine();
    try {
      EngineTaskTable table = new EngineTaskTable(jdbc);
      BreachScan secondScan =
          new BreachScan(
              secondNode.getTaskService(),
              secondNode.getRepositoryService(),
              held,
              secondNode.getRuntimeService(),
              new EngineInternals(secondNode),
              breaches,
              transactions,
              metrics,
              Clock.systemUTC(),
              table,
              new TaskCandidates(secondNode.getTaskService(), table),
              notifications);
      var start = new CyclicBarrier(2);
      Callable<Integer> first =
          () -> {
            start.await();
            return scan.scan();
          };
      Callable<Integer> second =
          () -> {
            start.await();
            return secondScan.scan();
          };
      var pool = Executors.newFixedThreadPool(2);
      try {
        for (var result : pool.invokeAll(List.of(first, second))) {
          result.get(); // neither node fails
        }
      } finally {
        pool.shutdown();
      }
    } finally {
      secondNode.close();
    }
    assertThat(breaches.findByTaskId(task.getId())).hasSize(1);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .extracting(IdentityLink::getGroupId)
        .as("told, never made a candidate")
        .doesNotContain("manager");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getPriority())
        .isEqualTo(BreachScan.ESCALATED_PRIORITY);
  }

  /**
   * Another node's engine: its own caches and command stack, the same database and transactions.
   */
  private ProcessEngine secondEngine() {
    var config = new SpringProcessEngineConfiguration();
    config.setProcessEngineName("second-node");
    config.setApplicationContext(applicationContext);
    config.setDataSource(dataSource);
    config.setTransactionManager(transactions);
    config.setDatabaseSchemaUpdate("false");
    config.setJobExecutorActivate(false);
    config.setHistory("full");
    config.setDbMetricsReporterActivate(false);
    config.setIdGenerator(new StrongUuidGenerator());
    return config.buildProcessEngine();
  }

  @Test
  void managersReadTheSummaryAndTheBreachesAsJsonAndCsv() throws Exception {
    Task task = overdueTask();
    scan.scan();

    var summary = json.readTree(as("maria").getForObject("/api/v1/sla/summary", String.class));
    assertThat(summary.get("breached").asLong()).isPositive();
    assertThat(summary.get("openBreaches").asLong()).isPositive();
    assertThat(summary.get("onTime").asLong())
        .as("the demo application's task is on time")
        .isPositive();
    assertThat(as("lena").getForEntity("/api/v1/sla/summary", String.class).getStatusCode().value())
        .isEqualTo(403);
    assertThat(
            as("john").getForEntity("/api/v1/sla/breaches", String.class).getStatusCode().value())
        .isEqualTo(403);

    var page =
        json.readTree(
            as("martha")
                .getForObject(
                    "/api/v1/sla/breaches?process=breach-check&group=ngo-liaison&open=true&size=1",
                    String.class));
    assertThat(page.get("size").asInt()).isEqualTo(1);
    assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(
            json.readTree(
                    as("maria")
                        .getForObject(
                            "/api/v1/sla/breaches?process=breach-check&size=500", String.class))
                .get("items")
                .findValuesAsText("taskId"))
        .contains(task.getId());
    assertThat(
            json.readTree(
                    as("maria")
                        .getForObject("/api/v1/sla/breaches?process=no-such-process", String.class))
                .get("total")
                .asLong())
        .isZero();

    List<CSVRecord> csv = breachesCsv("maria", "breach-check");
    assertThat(csv.get(0).toList()).startsWith("task_id", "process", "task");
    assertThat(csv)
        .anySatisfy(
            row ->
                assertThat(row.toList()).startsWith(task.getId(), "breach-check", "Task_Review"));

    metrics.refresh();
    String prometheus = as("maria").getForObject("/actuator/prometheus", String.class);
    assertThat(prometheus)
        .contains("sla_breaches_total{process=\"breach-check\",task=\"Task_Review\"}");
    assertThat(prometheus).containsPattern("sla_open_tasks\\{state=\"BREACHED\"\\} [1-9]");
  }

  /**
   * Defect 8: a candidate set an assignee that a spreadsheet would run as a formula, over several
   * lines; the managers' export quotes every field and shows it as text on one line.
   */
  @Test
  void aFormulaInAnAssigneeIsExportedAsTextOnOneLine() throws Exception {
    Task multiLine = overdueTask();
    taskService.setAssignee(multiLine.getId(), "x\ny\n=cmd|' /C calc'!A0");
    Task formula = overdueTask();
    taskService.setAssignee(formula.getId(), "@SUM(1+1)");
    scan.scan();

    String raw = breachesCsvText("maria", "breach-check");
    assertThat(raw.split("\r\n"))
        .as("every line, every field quoted")
        .allSatisfy(line -> assertThat(line).matches("\"([^\"]|\"\")*\"(,\"([^\"]|\"\")*\")*"));
    assertThat(raw.lines())
        .as("no line a spreadsheet or a line-oriented tool could run")
        .noneMatch(line -> !line.isEmpty() && "=+-@\t".indexOf(line.charAt(0)) >= 0);
    assertThat(assigneeInCsv(multiLine)).isEqualTo("x y =cmd|' /C calc'!A0");
    assertThat(assigneeInCsv(formula)).isEqualTo("'@SUM(1+1)");
  }

  private String assigneeInCsv(Task task) throws IOException {
    List<CSVRecord> csv = breachesCsv("maria", "breach-check");
    int assignee = csv.get(0).toList().indexOf("assignee");
    return csv.stream()
        .filter(row -> row.get(0).equals(task.getId()))
        .findFirst()
        .orElseThrow()
        .get(assignee);
  }

  private String breachesCsvText(String user, String process) {
    var headers = new HttpHeaders();
    headers.setAccept(List.of(new MediaType("text", "csv")));
    var csv =
        as(user)
            .exchange(
                "/api/v1/sla/breaches?process=" + process,
                HttpMethod.GET,
                new HttpEntity<>(headers),
                String.class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    return csv.getBody();
  }

  /** The export as records, the header first. */
  private List<CSVRecord> breachesCsv(String user, String process) throws IOException {
    return CSVFormat.RFC4180.parse(new StringReader(breachesCsvText(user, process))).getRecords();
  }

  private Task overdueTask() {
    String instance = runtimeService.startProcessInstanceByKey("breach-check").getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.setDueDate(task.getId(), Date.from(Instant.now().minus(Duration.ofMinutes(5))));
    return task;
  }
}
