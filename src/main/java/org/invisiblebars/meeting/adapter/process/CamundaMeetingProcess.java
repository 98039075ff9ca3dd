package org.invisiblebars.meeting.adapter.process;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.MeetingProcessPort;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts coordination-meeting (business key: the meeting id) and agreed-action (business key: the
 * action id), and correlates an action done through the API; both processes are hidden from
 * managers, who may not read a confidential report a meeting discusses.
 */
@Component
class CamundaMeetingProcess implements MeetingProcessPort {

  private final RuntimeService runtimeService;
  private final HiddenFromManagers hidden;

  CamundaMeetingProcess(RuntimeService runtimeService, HiddenFromManagers hidden) {
    this.runtimeService = runtimeService;
    this.hidden = hidden;
  }

  @EventListener(ApplicationReadyEvent.class)
  void hideDefinitions() {
    hidden.hideDefinition(CoordinationMeetingProcess.KEY);
    hidden.hideDefinition(AgreedActionProcess.KEY);
  }

  @Override
  public void start(UUID meetingId) {
    runtimeService.startProcessInstanceByKey(
        CoordinationMeetingProcess.KEY,
        meetingId.toString(),
        Variables.createVariables()
            .putValue(CoordinationMeetingProcess.Variable.MEETING_ID, meetingId.toString()));
  }

  /** The task is due at the end of the due day (UTC): overdue from the next day on. */
  @Override
  public void track(UUID meetingId, UUID actionId, LocalDate dueOn) {
    var instance =
        runtimeService.startProcessInstanceByKey(
            AgreedActionProcess.KEY,
            actionId.toString(),
            Variables.createVariables()
                .putValue(AgreedActionProcess.Variable.ACTION_ID, actionId.toString())
                .putValue(AgreedActionProcess.Variable.MEETING_ID, meetingId.toString())
                .putValue(
                    AgreedActionProcess.Variable.DUE_AT,
                    Date.from(dueOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
    hidden.hideInstance(instance.getId());
  }

  @Override
  public void actionDone(UUID actionId) {
    runtimeService
        .createMessageCorrelation(AgreedActionProcess.Message.ACTION_DONE)
        .processInstanceBusinessKey(actionId.toString())
        .correlate();
  }
}
