package org.invisiblebars.report.adapter.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.springframework.stereotype.Component;

/** Task_ListFollowUps: the recommendations accepted in whole or part, one follow-up each. */
@Component(ReportReviewProcess.Bean.LIST_FOLLOW_UPS_DELEGATE)
@PublishedForModels
class ListFollowUpsDelegate implements JavaDelegate {

  private final ReportFollowUps followUps;

  ListFollowUpsDelegate(ReportFollowUps followUps) {
    this.followUps = followUps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MultiInstanceItems.hand(
        execution,
        Variable.FOLLOW_UP_IDS,
        followUps.idsOf((String) execution.getVariable(Variable.REPORT_ID)));
  }
}
