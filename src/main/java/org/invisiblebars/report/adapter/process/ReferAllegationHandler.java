package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * Refer allegation: within 24 hours the oversight body, independent of the facility (never its
 * director, who may be implicated), refers the allegation to the competent body and records where
 * it went. It reads the report's identification and the allegation only, no findings or review.
 */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.REFER_ALLEGATION)
class ReferAllegationHandler
    extends ReportTaskHandler<ReferAllegationHandler.Form, ReferAllegationHandler.Display> {

  record Form(
      @NotBlank @Size(max = 300) String competentBody,
      @NotBlank @Size(max = 200) String referralReference) {}

  record Display(String report, String allegation) {}

  ReferAllegationHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  /** What the referral shows is read by the oversight body only, never by the facility's staff. */
  @Override
  public Confidential readersOf(String field) {
    return ReportTasks.ALLEGATION;
  }

  @Override
  public Display display(TaskCase task) {
    var allegation = queries.allegation(task.id());
    return new Display(allegation.report(), allegation.allegation());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    review.referAllegation(task.id(), form.competentBody(), form.referralReference(), task.actor());
    return Completion.logged(
        "REFERRED",
        form.competentBody().strip() + ", reference " + form.referralReference().strip());
  }
}
