package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Take note of the monitor's visit: the director is told at once that a formal monitor is at the
 * gate by right (unannounced, or undecided when the gate opened). It is information, not a
 * decision: entry never waits for it, and it ends with the visit's window if nobody notes it.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.NOTE_MONITOR_VISIT)
class NoteMonitorVisitHandler
    extends VisitTaskHandler<NoteMonitorVisitHandler.Form, NoteMonitorVisitHandler.Display> {

  record Form(@Size(max = 2000) String directorNote) {}

  record Display(String visitSummary, String admissionSummary, String authorisationSummary) {}

  NoteMonitorVisitHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    TaskView visit = queries.forTask(task.id());
    return new Display(
        VisitTaskTexts.visitSummary(visit),
        VisitTaskTexts.admissionSummary(visit.visit()),
        VisitTaskTexts.authorisationSummary(visit.visit()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    return Completion.logged("NOTED", VisitTasks.text(form.directorNote()));
  }
}
