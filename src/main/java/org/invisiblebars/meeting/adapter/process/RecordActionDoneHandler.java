package org.invisiblebars.meeting.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.meeting.domain.AgreedAction;
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.AgreedActionProcess.Element;
import org.invisiblebars.meeting.usecase.AgreedActionProcess.Variable;
import org.invisiblebars.meeting.usecase.HoldMeetings;
import org.invisiblebars.meeting.usecase.MeetingQueries;
import org.invisiblebars.platform.process.HiddenFromManagers;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/** Record action done: a liaison officer records an agreed action done, with a note. */
@UserTaskHandlerFor(process = AgreedActionProcess.KEY, task = Element.RECORD_ACTION_DONE)
class RecordActionDoneHandler
    extends MeetingTaskHandler<RecordActionDoneHandler.Form, RecordActionDoneHandler.Display> {

  record Form(@NotBlank @Size(max = 4000) String doneNote) {}

  record Display(String action) {}

  RecordActionDoneHandler(
      HoldMeetings meetings, MeetingQueries queries, HiddenFromManagers hidden) {
    super(MeetingTasks.ACTION, meetings, queries, hidden);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.action(task.id(), task.recordId(Variable.ACTION_ID)));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    AgreedAction action =
        meetings.doneInTasklist(
            task.id(), task.recordId(Variable.ACTION_ID), form.doneNote(), task.actor());
    return Completion.logged(
        "ACTION_DONE", "Action " + action.getPosition() + ": " + action.getDoneNote());
  }
}
