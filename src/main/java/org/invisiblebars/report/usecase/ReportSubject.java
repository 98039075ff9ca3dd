package org.invisiblebars.report.usecase;

import java.time.Clock;
import java.util.UUID;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.springframework.stereotype.Component;

/** Writes the decisions taken on a report to the decision log, with their reasons. */
@Component
public class ReportSubject {

  public static final String TYPE = "REPORT";

  private final DecisionLog decisionLog;
  private final Clock clock;

  ReportSubject(DecisionLog decisionLog, Clock clock) {
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  void record(UUID reportId, String task, String decision, String reasons, String actor) {
    decisionLog.save(
        new DecisionLogEntry(TYPE, reportId, task, decision, reasons, actor, clock.instant()));
  }
}
