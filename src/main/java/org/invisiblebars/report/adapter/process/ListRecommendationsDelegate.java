package org.invisiblebars.report.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.springframework.stereotype.Component;

/**
 * Task_ListRecommendations and Task_ListRecommendationsToAnswer: every recommendation of the
 * report, one assignment or answer task each (a task per recommendation rather than one form with a
 * line per recommendation: each gets its own form, validation and due date).
 */
@Component(ReportReviewProcess.Bean.LIST_RECOMMENDATIONS_DELEGATE)
@PublishedForModels
class ListRecommendationsDelegate implements JavaDelegate {

  private final ReportQueries queries;

  ListRecommendationsDelegate(ReportQueries queries) {
    this.queries = queries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID report = UUID.fromString((String) execution.getVariable(Variable.REPORT_ID));
    MultiInstanceItems.hand(
        execution,
        Variable.RECOMMENDATION_IDS,
        queries.recommendationIds(report).stream().map(UUID::toString).toList());
  }
}
