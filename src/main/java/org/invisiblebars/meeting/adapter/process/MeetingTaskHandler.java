package org.invisiblebars.meeting.adapter.process;

import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.meeting.usecase.MeetingQueries;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;

/**
 * What every task of a meeting does alike: it works on the meeting's use case and queries, and is
 * hidden from managers when it is created (a meeting may discuss a confidential report).
 */
abstract class MeetingTaskHandler<F extends Record, D extends Record>
    extends UserTaskHandler<F, D> {

  protected final HoldMeetings meetings;
  protected final MeetingQueries queries;
  private final HiddenFromManagers hidden;

  MeetingTaskHandler(
      CaseProcess process,
      HoldMeetings meetings,
      MeetingQueries queries,
      HiddenFromManagers hidden) {
    super(process);
    this.meetings = meetings;
    this.queries = queries;
    this.hidden = hidden;
  }

  @Override
  public final void created(TaskCase task) {
    hidden.hideTask(task.taskId());
  }
}
