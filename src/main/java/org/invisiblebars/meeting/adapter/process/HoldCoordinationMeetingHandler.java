package org.invisiblebars.meeting.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Element;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Variable;
import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.meeting.usecase.MeetingQueries;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Hold coordination meeting: the liaison officer records who took part on each side and the
 * minutes; the agreed actions follow, one task each.
 */
@UserTaskHandlerFor(process = CoordinationMeetingProcess.KEY, task = Element.HOLD_MEETING)
class HoldCoordinationMeetingHandler
    extends MeetingTaskHandler<
        HoldCoordinationMeetingHandler.Form, HoldCoordinationMeetingHandler.Display> {

  record Form(
      @NotNull LocalDate meetingDate,
      @NotBlank @Size(max = 2000) String authorityParticipants,
      @NotBlank @Size(max = 2000) String ngoParticipants,
      @NotBlank @Size(max = 8000) String meetingMinutes,
      boolean actionToRecord) {}

  record Display(String agenda, String report) {}

  HoldCoordinationMeetingHandler(
      HoldMeetings meetings, MeetingQueries queries, HiddenFromManagers hidden) {
    super(MeetingTasks.MEETING, meetings, queries, hidden);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.agenda(task.id()), queries.report(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    meetings.hold(
        task.id(),
        form.meetingDate(),
        form.authorityParticipants(),
        form.ngoParticipants(),
        form.meetingMinutes(),
        task.actor());
    return Completion.logged("MEETING_HELD", "held on " + form.meetingDate())
        .with(Variable.ACTION_TO_RECORD, form.actionToRecord());
  }
}
