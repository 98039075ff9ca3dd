package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/**
 * Releases the report to its organisation (an ICRC report stays confidential) and routes on whether
 * the authorities engaged. Publishes nothing: only the organisation may ask for that.
 */
@Component(ReportReviewProcess.Bean.RELEASE_DELEGATE)
@PublishedForModels
class ReleaseReportDelegate implements JavaDelegate {

  private final ReviewReport review;

  ReleaseReportDelegate(ReviewReport review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        Variable.ENGAGED,
        review.release(UUID.fromString((String) execution.getVariable(Variable.REPORT_ID))));
  }
}
