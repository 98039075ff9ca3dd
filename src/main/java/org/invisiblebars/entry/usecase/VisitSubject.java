package org.invisiblebars.entry.usecase;

import java.time.Clock;
import java.util.UUID;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.springframework.stereotype.Component;

/** Writes the decisions on a visit to the decision log, under the subject type {@value #TYPE}. */
@Component
public class VisitSubject {

  public static final String TYPE = "VISIT";

  private final DecisionLog decisionLog;
  private final Clock clock;

  VisitSubject(DecisionLog decisionLog, Clock clock) {
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  void record(UUID visitId, String step, String decision, String reasons, String actor) {
    decisionLog.save(
        new DecisionLogEntry(TYPE, visitId, step, decision, reasons, actor, clock.instant()));
  }
}
