package org.invisiblebars.meeting.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Variable;
import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.springframework.stereotype.Component;

/**
 * Task_OpenMeeting: a meeting the report review calls is opened for its report (once, even when the
 * call is retried); one arranged or asked for through the API is open already. Either way the
 * instance is hidden from managers, since a meeting may discuss a confidential report.
 */
@Component(CoordinationMeetingProcess.Bean.OPEN_MEETING_DELEGATE)
@PublishedForModels
class OpenMeetingDelegate implements JavaDelegate {

  private final HoldMeetings meetings;
  private final HiddenFromManagers hidden;

  OpenMeetingDelegate(HoldMeetings meetings, HiddenFromManagers hidden) {
    this.meetings = meetings;
    this.hidden = hidden;
  }

  @Override
  public void execute(DelegateExecution execution) {
    hidden.hideInstance(execution.getProcessInstanceId());
    if (execution.getVariable(Variable.MEETING_ID) == null) {
      UUID report = UUID.fromString((String) execution.getVariable(Variable.REPORT_ID));
      execution.setVariable(Variable.MEETING_ID, meetings.openForReview(report).toString());
    }
  }
}
