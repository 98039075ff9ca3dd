package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/** Records that every accepted recommendation is closed. */
@Component(ReportReviewProcess.Bean.CLOSE_FOLLOW_UP_DELEGATE)
@PublishedForModels
class CloseFollowUpDelegate implements JavaDelegate {

  private final ReviewReport review;

  CloseFollowUpDelegate(ReviewReport review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    review.closeFollowUp(UUID.fromString((String) execution.getVariable(Variable.REPORT_ID)));
  }
}
