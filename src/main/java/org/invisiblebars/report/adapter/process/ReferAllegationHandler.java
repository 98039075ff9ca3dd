package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReviewReport;

/** Refer allegation: within 24 hours the director records where an allegation went. */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.REFER_ALLEGATION)
class ReferAllegationHandler
    extends ReportTaskHandler<ReferAllegationHandler.Form, ReferAllegationHandler.Display> {

  record Form(
      @NotBlank @Size(max = 300) String competentBody,
      @NotBlank @Size(max = 200) String referralReference) {}

  record Display(String reportSummary) {}

  ReferAllegationHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.summary(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.referAllegation(task.id(), form.competentBody(), form.referralReference(), task.actor());
    return Completion.logged(
        "REFERRED",
        form.competentBody().strip() + ", reference " + form.referralReference().strip());
  }
}
