package org.invisiblebars.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.mail.Outbox.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's due messages on every node: resolves the notices stored for a user or for
 * groups into one message per person with an address ({@link Outbox#expand}), claims a batch (each
 * message by one sender only, see {@link Outbox}), sends each with the {@link JavaMailSender}, and
 * records the outcome. A failed attempt is retried after an exponential back-off (first retry after
 * {@code first-retry}, doubling up to {@code max-retry}); after {@code max-attempts} attempts the
 * message is {@code FAILED}, logged as a warning, counted, and listed at {@code GET
 * /api/v1/mail/failures}.
 *
 * <p>Mail is off unless {@code spring.mail.host} is set (Spring Boot makes no {@link
 * JavaMailSender} without it): messages are still stored, and this sender leaves them waiting.
 */
@Component
public class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  /** How a failed attempt is retried. */
  public record Retries(int maxAttempts, Duration firstRetry, Duration maxRetry) {

    /**
     * When the message that has now failed {@code attempts} times is tried again; null when it has
     * had its last attempt.
     */
    Instant next(int attempts, Instant now) {
      if (attempts >= maxAttempts) {
        return null;
      }
      Duration delay = firstRetry;
      for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
        delay = delay.multipliedBy(2);
      }
      return now.plus(delay.compareTo(maxRetry) > 0 ? maxRetry : delay);
    }
  }

  private final Outbox outbox;
  private final JavaMailSender mail;
  private final Clock clock;
  private final Retries retries;
  private final String from;
  private final int batch;
  private final Duration claimTimeout;
  private final MailMetrics metrics;
  private final Recipients recipients;
  private boolean offLogged;

  @Autowired
  OutboxSender(
      Outbox outbox,
      ObjectProvider<JavaMailSender> mail,
      Clock clock,
      MailMetrics metrics,
      Recipients recipients,
      @Value("${invisible-bars.mail.from:invisible-bars@localhost}") String from,
      @Value("${invisible-bars.mail.max-attempts:8}") int maxAttempts,
      @Value("${invisible-bars.mail.first-retry:PT1M}") Duration firstRetry,
      @Value("${invisible-bars.mail.max-retry:PT1H}") Duration maxRetry,
      @Value("${invisible-bars.mail.batch:50}") int batch,
      @Value("${invisible-bars.mail.claim-timeout:PT10M}") Duration claimTimeout) {
    this(
        outbox,
        mail.getIfAvailable(),
        clock,
        metrics,
        recipients,
        from,
        new Retries(maxAttempts, firstRetry, maxRetry),
        batch,
        claimTimeout);
  }

  /** A sender of its own (a test's second node, a failing server); {@code mail} null: mail off. */
  public OutboxSender(
      Outbox outbox,
      JavaMailSender mail,
      Clock clock,
      MailMetrics metrics,
      Recipients recipients,
      String from,
      Retries retries,
      int batch,
      Duration claimTimeout) {
    this.outbox = outbox;
    this.mail = mail;
    this.clock = clock;
    this.metrics = metrics;
    this.recipients = recipients;
    this.from = from;
    this.retries = retries;
    this.batch = batch;
    this.claimTimeout = claimTimeout;
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.mail.send-interval:PT10S}",
      initialDelayString = "PT5S")
  void scheduled() {
    try {
      sendDue();
    } catch (RuntimeException e) {
      LOG.warn("E-mail outbox not processed; the next run retries", e);
    }
  }

  /**
   * Sends the messages due now, batch after batch until none is left; returns how many this sender
   * delivered.
   */
  public int sendDue() {
    if (mail == null) {
      if (!offLogged) {
        offLogged = true;
        LOG.info(
            "E-mail is off (spring.mail.host is not set): notifications are stored in the outbox"
                + " and sent once a mail server is configured");
      }
      return 0;
    }
    Instant now = clock.instant();
    int released = outbox.releaseStale(now.minus(claimTimeout));
    if (released > 0) {
      LOG.warn(
          "{} e-mail messages claimed by a sender that never finished are due again", released);
    }
    while (outbox.expand(now, batch, recipients) == batch) {
      // the next batch of notices, until every one is addressed
    }
    int delivered = 0;
    List<Claimed> claimed;
    do {
      UUID token = UUID.randomUUID();
      claimed = outbox.claim(token, now, batch);
      for (Claimed message : claimed) {
        delivered += send(message, token, now) ? 1 : 0;
      }
    } while (!claimed.isEmpty());
    metrics.outbox(outbox.count(Outbox.PENDING), outbox.count(Outbox.FAILED));
    return delivered;
  }

  private boolean send(Claimed message, UUID token, Instant now) {
    try {
      MimeMessage mime = mail.createMimeMessage();
      MimeMessageHelper helper =
          new MimeMessageHelper(mime, message.html() != null, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(message.address());
      helper.setSubject(message.subject());
      if (message.html() == null) {
        helper.setText(message.text());
      } else {
        helper.setText(message.text(), message.html());
      }
      mail.send(mime);
    } catch (MessagingException | RuntimeException e) {
      // a message the mail server refuses, and one that cannot even be built, are failed attempts
      failed(message, token, e, now);
      return false;
    }
    outbox.sent(message.id(), token, clock.instant());
    metrics.counted("sent");
    return true;
  }

  private void failed(Claimed message, UUID token, Exception e, Instant now) {
    int attempts = message.attempts() + 1;
    Instant retryAt = retries.next(attempts, now);
    outbox.attemptFailed(message.id(), token, e.getMessage(), retryAt);
    if (retryAt == null) {
      metrics.counted("failed");
      LOG.warn(
          "E-mail {} failed for good after {} attempts ({}): listed at /api/v1/mail/failures",
          message.id(),
          attempts,
          e.getMessage());
    } else {
      metrics.counted("retried");
      LOG.info(
          "E-mail {} not sent (attempt {}: {}); next attempt at {}",
          message.id(),
          attempts,
          e.getMessage(),
          retryAt);
    }
  }
}
