package org.invisiblebars.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.mail.OutboxSender.Retries;
import org.invisiblebars.support.AccreditedOrganisations;
import org.invisiblebars.support.ApiTest;
import org.invisiblebars.support.Eventually;
import org.invisiblebars.support.GreenMailServer;
import org.invisiblebars.support.GreenMailServer.Received;
import org.invisiblebars.support.Race;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail notifications through the outbox, received by the test JVM's SMTP server: staff told of a
 * new task once, with its link; an NGO told of a request for information; nothing sent for a change
 * rolled back; two senders racing over the same messages send each once; a message another sender
 * is claiming is skipped, not waited for; a notice that cannot be written fails alone; a mail
 * server that fails is retried with back-off, then the message is failed and listed for
 * administrators.
 */
class MailOutboxIT extends ApiTest {

  private static final String RUN = Long.toString(System.nanoTime(), 36);

  @Autowired OutboxSender sender;
  @Autowired Outbox outbox;
  @Autowired Notifications notifications;
  @Autowired JavaMailSender mail;
  @Autowired NamedParameterJdbcTemplate namedJdbc;
  @Autowired PlatformTransactionManager transactions;
  @Autowired IdentityService identityService;
  @Autowired Recipients recipients;

  @Test
  void staffOfTheTasksGroupAreToldOfANewTaskOnceWithItsLink() {
    String id = applied();
    String taskId = engine.awaitTaskId("lena", id, "Task_CheckApplicationCompleteness");
    String reference = reference("lena", id);

    sender.sendDue();
    sender.sendDue();

    List<Received> told =
        GreenMailServer.awaitTo(
            "lena@prison.example",
            m -> m.text().contains("/camunda/app/tasklist/default/#/?task=" + taskId));
    assertThat(told).as("lena is told once").hasSize(1);
    assertThat(told.get(0).subject())
        .isEqualTo("New task: Check application completeness (" + reference + ")");
    assertThat(told.get(0).text())
        .contains(
            "http://localhost:8080/camunda/app/tasklist/default/#/?task=" + taskId,
            "Case: " + reference,
            "Organisation: Open Doors");
    assertThat(status("/camunda/app/tasklist/default/#/?task=" + taskId, "lena"))
        .isEqualTo(Outbox.SENT);
  }

  @Test
  void theOrganisationIsToldOfARequestForInformation() {
    AccreditedOrganisations.Accredited ngo = fixture.accredited(MandateType.NGO, 1);
    String address = fixture.withAddress(ngo);
    String id = appliedBy(ngo);

    engine.complete(
        "lena",
        id,
        "Task_CheckApplicationCompleteness",
        Map.of("completeness", "INCOMPLETE", "informationRequested", "Your statutes, please."));
    sender.sendDue();

    List<Received> told = GreenMailServer.awaitTo(address, m -> true);
    assertThat(told).hasSize(1);
    assertThat(told.get(0).subject())
        .isEqualTo("Information requested for your application " + reference(ngo.user(), id));
    assertThat(told.get(0).text())
        .contains("http://localhost:8080/portal/accreditations/" + id)
        .doesNotContain("statutes");
  }

  @Test
  void aChangeRolledBackTellsNobody() {
    String path = "/rolled-back/" + RUN;
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              notifications.tellUsers(
                  List.of("lena"), Notice.of("task-created", path, "A", "B", "C", "D"));
              notifications.tellGroups(
                  List.of("ngo-liaison"), Notice.of("task-created", path, "A", "B", "C", "D"));
              assertThat(rows(path)).as("stored in the transaction").isEqualTo(2);
              tx.setRollbackOnly();
            });
    sender.sendDue();

    assertThat(rows(path)).isZero();
    assertThat(GreenMailServer.to("lena@prison.example")).noneMatch(m -> m.text().contains(path));
    assertThatThrownBy(
            () -> outbox.enqueue(message("outside@test.example", "outside a transaction")))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void twoSendersRacingOverTheSameMessagesSendEachOnce() {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      addresses.add("race-" + RUN + "-" + i + "@test.example");
    }
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> addresses.forEach(address -> outbox.enqueue(message(address, "race"))));
    CyclicBarrier start = new CyclicBarrier(2);
    List<Callable<Integer>> nodes = new ArrayList<>();
    for (int node = 0; node < 2; node++) {
      OutboxSender other =
          new OutboxSender(
              outbox,
              mail,
              Clock.systemUTC(),
              new MailMetrics(new SimpleMeterRegistry()),
              recipients,
              "node" + node + "@test.example",
              new Retries(3, Duration.ofMinutes(1), Duration.ofHours(1)),
              4,
              Duration.ofMinutes(10));
      nodes.add(
          () -> {
            start.await();
            return other.sendDue();
          });
    }
    Race.run(nodes);
    sender.sendDue();
    Eventually.within(Duration.ofSeconds(30), "every message sent")
        .until(
            () ->
                jdbc.queryForObject(
                        "select count(*) from mail_outbox where recipient_address like ? and"
                            + " status <> ?",
                        Long.class,
                        "race-" + RUN + "-%",
                        Outbox.SENT)
                    == 0);

    for (String address : addresses) {
      assertThat(GreenMailServer.to(address)).as(address).hasSize(1);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from mail_outbox where recipient_address like ? and status <> ?",
                Long.class,
                "race-" + RUN + "-%",
                Outbox.SENT))
        .isZero();
  }

  @Test
  void aMessageAnotherSenderIsClaimingIsSkippedNotWaitedFor() throws Exception {
    String held = "held-" + RUN + "@test.example";
    String free = "free-" + RUN + "@test.example";
    UUID heldId =
        new TransactionTemplate(transactions)
            .execute(
                tx -> {
                  outbox.enqueue(message(free, "free"));
                  return outbox.enqueue(message(held, "held"));
                });
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      // another sender's claim, still open: its row stays locked until it commits
      Future<?> claiming =
          threads.submit(
              () ->
                  new TransactionTemplate(transactions)
                      .executeWithoutResult(
                          tx -> {
                            jdbc.queryForList(
                                "select id from mail_outbox where id = ? for update", heldId);
                            locked.countDown();
                            awaitQuietly(release);
                          }));
      assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

      Future<Integer> run = threads.submit(sender::sendDue);
      assertThat(run.get(30, TimeUnit.SECONDS)).as("the sender does not wait").isNotNegative();
      assertThat(GreenMailServer.awaitTo(free, m -> true)).hasSize(1);
      assertThat(GreenMailServer.to(held)).isEmpty();
      assertThat(row(heldId).get("status")).isEqualTo(Outbox.PENDING);

      release.countDown();
      claiming.get(30, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      threads.shutdownNow();
    }
    sender.sendDue();
    assertThat(GreenMailServer.awaitTo(held, m -> true)).hasSize(1);
  }

  @Test
  void aNoticeThatCannotBeWrittenFailsAloneAndIsListed() {
    String path = "/unwritable/" + RUN;
    String longName = "x".repeat(3000);
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            tx -> {
              notifications.tellUsers(
                  List.of("lena"), Notice.of("task-created", path, "A", "B", "C"));
              // stored by an earlier version of the application, whose kind this one removed
              jdbc.update(
                  "update mail_outbox set kind = 'removed-kind' where link like ?", "%" + path);
              notifications.tellUsers(
                  List.of("lena"), Notice.of("task-created", path + "/long", longName, "B", "C"));
            });
    sender.sendDue();

    List<Received> told =
        GreenMailServer.awaitTo("lena@prison.example", m -> m.text().contains(path + "/long"));
    assertThat(told).as("the other notice is sent").hasSize(1);
    assertThat(told.get(0).subject())
        .as("cut to the column's width")
        .hasSize(Outbox.SUBJECT_LENGTH)
        .startsWith("New task: xxx")
        .endsWith("\u2026");
    Map<String, Object> failed =
        jdbc.queryForMap("select * from mail_outbox where link like ?", "%" + path);
    assertThat(failed.get("status")).isEqualTo(Outbox.FAILED);
    assertThat((String) failed.get("last_error")).contains("removed-kind.subject");

    JsonNode listed = null;
    for (JsonNode failure :
        engine.read(as("admin").getForObject("/api/v1/mail/failures", String.class))) {
      if (failure.get("id").asText().equals(failed.get("id").toString())) {
        listed = failure;
      }
    }
    assertThat(listed).as("listed for administrators").isNotNull();
    assertThat(listed.get("kind").asText()).isEqualTo("removed-kind");
    assertThat(listed.get("recipientUserId").asText()).isEqualTo("lena");
  }

  @Test
  void aFailingMailServerIsRetriedWithBackOffThenReported() throws IOException {
    sender.sendDue();
    // A day ahead: the application's own sender (on the real clock) leaves these messages alone.
    MovableClock clock = new MovableClock(Instant.now().plus(Duration.ofDays(1)));
    Outbox later = new Outbox(namedJdbc, clock);
    String address = "unlucky-" + RUN + "@test.example";
    UUID id =
        new TransactionTemplate(transactions)
            .execute(tx -> later.enqueue(message(address, "failing server")));
    JavaMailSenderImpl nobody = new JavaMailSenderImpl();
    nobody.setHost("127.0.0.1");
    nobody.setPort(closedPort());
    OutboxSender failing =
        new OutboxSender(
            later,
            nobody,
            clock,
            new MailMetrics(new SimpleMeterRegistry()),
            recipients,
            "sender@test.example",
            new Retries(3, Duration.ofMinutes(1), Duration.ofHours(1)),
            50,
            Duration.ofMinutes(10));

    assertThat(failing.sendDue()).isZero();
    assertThat(attempts(id)).isEqualTo(1);
    assertThat(row(id).get("status")).isEqualTo(Outbox.PENDING);
    clock.advance(Duration.ofSeconds(59));
    failing.sendDue();
    assertThat(attempts(id)).as("not before the back-off of 1 minute").isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    failing.sendDue();
    assertThat(attempts(id)).isEqualTo(2);
    clock.advance(Duration.ofSeconds(119));
    failing.sendDue();
    assertThat(attempts(id)).as("the back-off doubles to 2 minutes").isEqualTo(2);
    clock.advance(Duration.ofSeconds(1));
    failing.sendDue();
    assertThat(attempts(id)).isEqualTo(3);
    assertThat(row(id).get("status")).isEqualTo(Outbox.FAILED);
    clock.advance(Duration.ofHours(2));
    failing.sendDue();
    assertThat(attempts(id)).as("a failed message is not tried again").isEqualTo(3);
    assertThat(GreenMailServer.to(address)).isEmpty();

    ResponseEntity<String> failures =
        as("admin").getForEntity("/api/v1/mail/failures", String.class);
    assertThat(failures.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode listed = null;
    for (JsonNode failure : engine.read(failures.getBody())) {
      if (failure.get("id").asText().equals(id.toString())) {
        listed = failure;
      }
    }
    assertThat(listed).as("listed for administrators").isNotNull();
    assertThat(listed.get("recipientAddress").asText()).isEqualTo(address);
    assertThat(listed.get("attempts").asInt()).isEqualTo(3);
    assertThat(listed.get("lastError").asText()).isNotBlank();
    assertThat(as("lena").getForEntity("/api/v1/mail/failures", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  private static MailMessage message(String address, String subject) {
    return MailMessage.to(null, address, subject, "Hello from " + RUN, "/test/" + RUN, "test");
  }

  private String reference(String user, String accreditationId) {
    return engine
        .read(user(user).getForObject("/api/v1/accreditations/" + accreditationId, String.class))
        .get("reference")
        .asText();
  }

  private String status(String linkEnd, String userId) {
    return jdbc.queryForObject(
        "select status from mail_outbox where link like ? and recipient_user_id = ?",
        String.class,
        "%" + linkEnd,
        userId);
  }

  private long rows(String linkEnd) {
    return jdbc.queryForObject(
        "select count(*) from mail_outbox where link like ?", Long.class, "%" + linkEnd);
  }

  private Map<String, Object> row(UUID id) {
    return jdbc.queryForMap("select * from mail_outbox where id = ?", id);
  }

  private int attempts(UUID id) {
    return ((Number) row(id).get("attempts")).intValue();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A port nothing listens on: connections are refused at once. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A clock the test moves forward. */
  private static final class MovableClock extends Clock {

    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
