package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * Acknowledge report, one task per recommendation: the director names the unit responsible for
 * answering it. The first assignment acknowledges the report.
 */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.ACKNOWLEDGE_REPORT)
class AcknowledgeReportHandler
    extends ReportTaskHandler<AcknowledgeReportHandler.Form, ReportTaskHandler.OneRecommendation> {

  record Form(@NotBlank @Size(max = 200) String responsibleUnit) {}

  AcknowledgeReportHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  @Override
  public OneRecommendation display(TaskCase task) {
    return oneRecommendation(task);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    var recommendation =
        review.assign(
            task.id(),
            task.recordId(Variable.RECOMMENDATION_ID),
            form.responsibleUnit(),
            task.actor());
    return Completion.logged(
        "ASSIGNED",
        "Recommendation "
            + recommendation.getPosition()
            + ": "
            + recommendation.getResponsibleUnit());
  }
}
