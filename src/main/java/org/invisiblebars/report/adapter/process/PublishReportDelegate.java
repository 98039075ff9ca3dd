package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/** Publishes (authorities engaged) or releases the report and routes on which it was. */
@Component(ReportReviewProcess.Bean.PUBLISH_DELEGATE)
@PublishedForModels
class PublishReportDelegate implements JavaDelegate {

  private final ReviewReport review;

  PublishReportDelegate(ReviewReport review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(
        Variable.ENGAGED,
        review.publish(UUID.fromString((String) execution.getVariable(Variable.REPORT_ID))));
  }
}
