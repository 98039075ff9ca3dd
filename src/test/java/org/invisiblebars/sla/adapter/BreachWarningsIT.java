package org.invisiblebars.sla.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.invisiblebars.platform.mail.Notifications;
import org.invisiblebars.platform.mail.OutboxSender;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.IntegrationTest;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A task near its breach: its group is warned once it has used 80 % of its time, not before, and
 * once only, even when two nodes scan at the same moment and a later scan runs again.
 */
class BreachWarningsIT extends IntegrationTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  /** The administration's zone in this test: the due time is written on its clock, named. */
  private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired Notifications notifications;
  @Autowired PlatformTransactionManager transactions;
  @Autowired OutboxSender sender;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aGroupIsWarnedOnceOfATaskThatUsedEightyPercentOfItsTime() {
    String group = "manager";
    Task task = taskService.newTask();
    task.setName("Check the warning " + RUN);
    Instant created = Instant.now();
    task.setDueDate(Date.from(created.plus(Duration.ofMinutes(10))));
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), group);

    // Minutes, not hours: the scan at a moved clock looks at every task, and no other test's task
    // has so short a time.
    at(created.plus(Duration.ofMinutes(7))).scan();
    assertThat(notices(task.getId())).as("at 70 %: not yet").isZero();

    BreachWarnings later = at(created.plus(Duration.ofMinutes(8).plusSeconds(5)));
    Race.times(2, node -> later.scan());
    later.scan();
    assertThat(notices(task.getId())).as("once, although scanned three times").isEqualTo(1);

    sender.sendDue();
    User member =
        identityService.createUserQuery().memberOfGroup(group).list().stream()
            .filter(user -> user.getEmail() != null)
            .findFirst()
            .orElseThrow();
    List<Received> told =
        GreenMailServer.awaitTo(member.getEmail(), m -> m.subject().contains(RUN));
    assertThat(told).hasSize(1);
    assertThat(told.get(0).subject()).isEqualTo("Due soon: Check the warning " + RUN + " (\u2013)");
    assertThat(told.get(0).text())
        .contains(
            "/camunda/app/tasklist/default/#/?task=" + task.getId(),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(task.getDueDate().toInstant().atZone(LISBON))
                + " Europe/Lisbon");
    taskService.deleteTask(task.getId(), true);
  }

  private BreachWarnings at(Instant now) {
    return new BreachWarnings(
        taskService, notifications, transactions, Clock.fixed(now, ZoneOffset.UTC), LISBON);
  }

  private long notices(String taskId) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where link like ? and kind = ? and"
            + " recipient_address is null",
        Long.class,
        "%task=" + taskId,
        BreachWarnings.KIND);
  }
}
