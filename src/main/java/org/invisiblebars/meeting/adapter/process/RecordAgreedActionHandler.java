package org.invisiblebars.meeting.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.invisiblebars.meeting.domain.AgreedAction;
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
 * Record agreed action: one action the meeting agreed, its owner among the participants and its due
 * date; the task comes back while there is another to record (one plain field each, rather than a
 * list in one form that Tasklist would submit as a JSON document).
 */
@UserTaskHandlerFor(process = CoordinationMeetingProcess.KEY, task = Element.RECORD_AGREED_ACTION)
class RecordAgreedActionHandler
    extends MeetingTaskHandler<RecordAgreedActionHandler.Form, RecordAgreedActionHandler.Display> {

  record Form(
      @NotBlank @Size(max = 2000) String actionDescription,
      @NotBlank @Size(max = 200) String actionOwner,
      @NotNull LocalDate actionDueOn,
      boolean actionToRecord) {}

  record Display(String agenda, String participantsAndActions) {}

  RecordAgreedActionHandler(
      HoldMeetings meetings, MeetingQueries queries, HiddenFromManagers hidden) {
    super(MeetingTasks.MEETING, meetings, queries, hidden);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.agenda(task.id()), queries.participantsAndActions(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    AgreedAction action =
        meetings.agree(task.id(), form.actionDescription(), form.actionOwner(), form.actionDueOn());
    return Completion.logged(
            "ACTION_AGREED",
            "Action "
                + action.getPosition()
                + ": "
                + action.getDescription()
                + " (owner: "
                + action.getOwnerName()
                + ", due "
                + action.getDueOn()
                + ")")
        .with(Variable.ACTION_TO_RECORD, form.actionToRecord());
  }
}
