package org.invisiblebars.accreditation.usecase;

import java.time.Clock;
import java.util.UUID;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.springframework.stereotype.Component;

/** Writes the human decisions on an accreditation to the decision log. */
@Component
class AccreditationDecisions {

  private final DecisionLog decisionLog;
  private final Clock clock;

  AccreditationDecisions(DecisionLog decisionLog, Clock clock) {
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  void record(UUID accreditationId, String task, String decision, String reasons, String actor) {
    decisionLog.save(
        new DecisionLogEntry(
            AccreditationSubject.TYPE,
            accreditationId,
            task,
            decision,
            reasons,
            actor,
            clock.instant()));
  }
}
