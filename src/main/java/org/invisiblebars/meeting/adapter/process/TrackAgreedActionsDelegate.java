package org.invisiblebars.meeting.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Variable;
import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/**
 * Task_TrackAgreedActions: each action the meeting agreed is tracked by an agreed-action instance
 * of its own, so that the meeting (and a report review that called it) goes on at once.
 */
@Component(CoordinationMeetingProcess.Bean.TRACK_AGREED_ACTIONS_DELEGATE)
@PublishedForModels
class TrackAgreedActionsDelegate implements JavaDelegate {

  private final HoldMeetings meetings;

  TrackAgreedActionsDelegate(HoldMeetings meetings) {
    this.meetings = meetings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    meetings.trackActions(UUID.fromString((String) execution.getVariable(Variable.MEETING_ID)));
  }
}
