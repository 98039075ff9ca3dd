package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotBlank;
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
 * Schedule visit: the liaison officer names the escort and the meeting point of an authorised
 * visit.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.SCHEDULE_VISIT)
class ScheduleVisitHandler
    extends VisitTaskHandler<ScheduleVisitHandler.Form, ScheduleVisitHandler.Display> {

  record Form(
      @NotBlank @Size(max = 200) String escort, @NotBlank @Size(max = 500) String meetingPoint) {}

  record Display(String visitSummary, String authorisationSummary) {}

  ScheduleVisitHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    TaskView visit = queries.forTask(task.id());
    return new Display(
        VisitTaskTexts.visitSummary(visit), VisitTaskTexts.authorisationSummary(visit.visit()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    String escort = VisitTasks.text(form.escort());
    String meetingPoint = VisitTasks.text(form.meetingPoint());
    review.schedule(task.id(), escort, meetingPoint);
    return Completion.logged("SCHEDULED", "escort " + escort + ", meeting at " + meetingPoint);
  }
}
