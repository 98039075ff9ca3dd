package org.invisiblebars.meeting.usecase;

import java.time.Clock;
import java.util.UUID;
import org.invisiblebars.platform.audit.DecisionLog;
import org.invisiblebars.platform.audit.DecisionLogEntry;
import org.springframework.stereotype.Component;

/** Writes what people decide about a meeting through the API to the decision log. */
@Component
public class MeetingSubject {

  public static final String TYPE = "MEETING";

  private final DecisionLog decisionLog;
  private final Clock clock;

  MeetingSubject(DecisionLog decisionLog, Clock clock) {
    this.decisionLog = decisionLog;
    this.clock = clock;
  }

  void record(UUID meetingId, String step, String decision, String reasons, String actor) {
    decisionLog.save(
        new DecisionLogEntry(TYPE, meetingId, step, decision, reasons, actor, clock.instant()));
  }
}
