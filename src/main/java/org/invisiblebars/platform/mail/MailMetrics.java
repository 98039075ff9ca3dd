package org.invisiblebars.platform.mail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The outbox for Prometheus: messages sent, retried and failed by this node ({@code mail.messages},
 * by outcome), and the messages waiting and failed for good in the outbox ({@code mail.outbox}, by
 * status, refreshed at each sender run), so an alert can fire on failures.
 */
@Component
public class MailMetrics {

  private final MeterRegistry registry;
  private final AtomicLong pending = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public MailMetrics(MeterRegistry registry) {
    this.registry = registry;
    gauge(Outbox.PENDING, pending);
    gauge(Outbox.FAILED, failed);
  }

  void counted(String outcome) {
    Counter.builder("mail.messages")
        .description("E-mail messages handled by this node's sender, by outcome")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  void outbox(long pendingNow, long failedNow) {
    pending.set(pendingNow);
    failed.set(failedNow);
  }

  private void gauge(String status, AtomicLong value) {
    Gauge.builder("mail.outbox", value, AtomicLong::get)
        .description("E-mail messages in the outbox by status")
        .tag("status", status)
        .register(registry);
  }
}
