package org.invisiblebars.portal.adapter;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries.AccreditationView;
import org.springframework.stereotype.Component;

/**
 * By when the organisation must answer what an accreditation awaits from it: the due date of the
 * process's timer that withdraws the application or lets the MoU lapse, read through the engine's
 * query API, so the date shown is the one the engine will act on (a process owner may change the
 * period in the model).
 */
@Component
public class AwaitedDeadlines {

  private final RuntimeService runtime;
  private final ManagementService management;

  AwaitedDeadlines(RuntimeService runtime, ManagementService management) {
    this.runtime = runtime;
    this.management = management;
  }

  /** The deadline of what {@code accreditation} awaits, if a timer of the process holds one. */
  public Optional<Instant> of(AccreditationView accreditation) {
    String timer = timerOf(accreditation.awaiting());
    if (timer == null) {
      return Optional.empty();
    }
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(AccreditationProcess.KEY)
        .variableValueEquals(
            AccreditationProcess.Variable.ACCREDITATION_ID, accreditation.id().toString())
        .list()
        .stream()
        .flatMap(
            instance ->
                management
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .activityId(timer)
                    .timers()
                    .list()
                    .stream())
        .map(Job::getDuedate)
        .map(Date::toInstant)
        .min(Instant::compareTo);
  }

  private static String timerOf(String awaiting) {
    if (awaiting == null) {
      return null;
    }
    return switch (awaiting) {
      case "INFORMATION" -> Element.INFORMATION_OVERDUE;
      case "MOU_AGREEMENT" -> Element.MOU_ANSWER_OVERDUE;
      case "COUNTERSIGNATURE" -> Element.COUNTERSIGNATURE_OVERDUE;
      default -> null;
    };
  }
}
