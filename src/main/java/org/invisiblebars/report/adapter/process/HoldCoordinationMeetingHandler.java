package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReviewReport;

/** Hold coordination meeting: the liaison officer records the meeting with the NGO. */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.HOLD_COORDINATION_MEETING)
class HoldCoordinationMeetingHandler
    extends ReportTaskHandler<
        HoldCoordinationMeetingHandler.Form, HoldCoordinationMeetingHandler.Display> {

  record Form(
      @NotNull LocalDate meetingDate,
      @NotBlank @Size(max = 2000) String authorityParticipants,
      @NotBlank @Size(max = 2000) String ngoParticipants,
      @NotBlank @Size(max = 8000) String meetingMinutes) {}

  record Display(String reportSummary, String recommendations) {}

  HoldCoordinationMeetingHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(
        queries.summary(task.id()), ReportTasks.describeAll(queries.recommendations(task.id())));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.holdMeeting(
        task.id(),
        form.meetingDate(),
        form.authorityParticipants(),
        form.ngoParticipants(),
        form.meetingMinutes(),
        task.actor());
    return Completion.logged("MEETING_HELD", "held on " + form.meetingDate());
  }
}
