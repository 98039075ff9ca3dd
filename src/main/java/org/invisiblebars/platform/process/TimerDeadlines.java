package org.invisiblebars.platform.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * The deadlines the engine's timers hold, as reminders read them: the date the engine acts on, so a
 * process owner's change of a period, or a timer the engine moved, is the date reminded.
 */
@Component
public class TimerDeadlines {

  /** A timer of the case whose id its process holds in a variable, and when it fires. */
  public record Due(String caseId, Instant deadline) {}

  private final ManagementService management;
  private final RuntimeService runtime;

  TimerDeadlines(ManagementService management, RuntimeService runtime) {
    this.management = management;
    this.runtime = runtime;
  }

  /**
   * The timers {@code timerId} of process {@code processKey} that fire after {@code now} and within
   * {@code ahead}, each with the value of its instance's variable {@code caseVariable} (the case's
   * id); timers of an instance without it are left out.
   */
  public List<Due> within(
      String processKey, String timerId, String caseVariable, Instant now, Duration ahead) {
    List<Due> due = new ArrayList<>();
    for (Job job :
        management
            .createJobQuery()
            .processDefinitionKey(processKey)
            .activityId(timerId)
            .timers()
            .duedateHigherThan(Date.from(now))
            .duedateLowerThan(Date.from(now.plus(ahead)))
            .list()) {
      Object id = runtime.getVariable(job.getProcessInstanceId(), caseVariable);
      if (id != null) {
        due.add(new Due(id.toString(), job.getDuedate().toInstant()));
      }
    }
    return due;
  }
}
