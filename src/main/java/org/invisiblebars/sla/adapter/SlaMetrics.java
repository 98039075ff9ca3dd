package org.invisiblebars.sla.adapter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.invisiblebars.sla.usecase.SlaReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * SLA figures for Prometheus: breaches recorded by this node (by process and task), and open tasks
 * by SLA state, refreshed every minute rather than at every scrape, since counting reads every open
 * task.
 */
@Component
public class SlaMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(SlaMetrics.class);

  private final MeterRegistry registry;
  private final SlaReports reports;
  private final AtomicLong onTime = new AtomicLong();
  private final AtomicLong atRisk = new AtomicLong();
  private final AtomicLong breached = new AtomicLong();

  SlaMetrics(MeterRegistry registry, SlaReports reports) {
    this.registry = registry;
    this.reports = reports;
    register("ON_TIME", onTime);
    register("AT_RISK", atRisk);
    register("BREACHED", breached);
  }

  void breachRecorded(String processKey, String taskKey) {
    Counter.builder("sla.breaches")
        .description("SLA breaches recorded")
        .tag("process", processKey)
        .tag("task", taskKey)
        .register(registry)
        .increment();
  }

  @Scheduled(
      fixedDelayString = "${invisible-bars.sla.metrics-interval:PT1M}",
      initialDelayString = "PT15S")
  void refresh() {
    try {
      SlaReports.Summary summary = reports.summary();
      onTime.set(summary.onTime());
      atRisk.set(summary.atRisk());
      breached.set(summary.breached());
    } catch (RuntimeException e) {
      LOG.warn("SLA metrics not refreshed; the next refresh retries", e);
    }
  }

  private void register(String state, AtomicLong value) {
    Gauge.builder("sla.open.tasks", value, AtomicLong::get)
        .description("Open tasks by SLA state")
        .tag("state", state)
        .register(registry);
  }
}
