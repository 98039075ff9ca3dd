package org.invisiblebars.report.adapter.process;

import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/**
 * Sets the follow-up timer of one recommendation to its current deadline (a new one after "in
 * progress").
 */
@Component(ReportReviewProcess.Bean.SCHEDULE_FOLLOW_UP_DELEGATE)
@PublishedForModels
class ScheduleFollowUpDelegate implements JavaDelegate {

  private final ReviewReport review;

  ScheduleFollowUpDelegate(ReviewReport review) {
    this.review = review;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var at =
        review.followUpAt(
            UUID.fromString((String) execution.getVariable(Variable.REPORT_ID)),
            UUID.fromString((String) execution.getVariable(Variable.RECOMMENDATION_ID)));
    // Declared local to each follow-up instance by the sub-process's input mapping.
    execution.setVariable(Variable.FOLLOW_UP_AT, Date.from(at));
  }
}
