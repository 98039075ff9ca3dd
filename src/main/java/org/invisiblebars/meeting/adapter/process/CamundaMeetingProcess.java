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
import org.invisiblebars.platform.process.HeldDeployments;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts coordination-meeting and agreed-action, both with the meeting's reference as business key
 * (what Tasklist and the SLA dashboard show), and correlates an action done through the API by its
 * action id (a meeting's actions share its business key); both processes are hidden from managers,
 * who may not read a confidential report a meeting discusses.
 */
@Component
class CamundaMeetingProcess implements MeetingProcessPort {

  private final RuntimeService runtimeService;
  private final HeldDeployments held;
  private final HiddenFromManagers hidden;

  CamundaMeetingProcess(
      RuntimeService runtimeService, HeldDeployments held, HiddenFromManagers hidden) {
    this.runtimeService = runtimeService;
    this.held = held;
    this.hidden = hidden;
  }

  @EventListener(ApplicationReadyEvent.class)
  void hideDefinitions() {
    hidden.hideDefinition(CoordinationMeetingProcess.KEY);
    hidden.hideDefinition(AgreedActionProcess.KEY);
  }

  @Override
  public void start(UUID meetingId, String reference) {
    runtimeService.startProcessInstanceById(
        held.liveProcessId(CoordinationMeetingProcess.KEY),
        reference,
        Variables.createVariables()
            .putValue(CoordinationMeetingProcess.Variable.MEETING_ID, meetingId.toString()));
  }

  /** The task is due at the end of the due day (UTC): overdue from the next day on. */
  @Override
  public void track(UUID meetingId, String meetingReference, UUID actionId, LocalDate dueOn) {
    var instance =
        runtimeService.startProcessInstanceById(
            held.liveProcessId(AgreedActionProcess.KEY),
            meetingReference,
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
        .processInstanceVariableEquals(AgreedActionProcess.Variable.ACTION_ID, actionId.toString())
        .correlate();
  }
}
