package org.invisiblebars.report.adapter.process;

import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * What every task of the report review does alike: it works on the review's use case and queries,
 * and is hidden from managers when it is created (report content is read by directors and liaison
 * officers only, by any route).
 */
abstract class ReportTaskHandler<F extends Record, D extends Record> extends UserTaskHandler<F, D> {

  protected final ReviewReport review;
  protected final ReportQueries queries;
  private final ReportAuthorizations authorizations;

  ReportTaskHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    this(ReportTasks.PROCESS, review, queries, authorizations);
  }

  /** A task of another process on a report (its publication), hidden from managers alike. */
  ReportTaskHandler(
      CaseProcess process,
      ReviewReport review,
      ReportQueries queries,
      ReportAuthorizations authorizations) {
    super(process);
    this.review = review;
    this.queries = queries;
    this.authorizations = authorizations;
  }

  /** What a task about one recommendation shows: the report and that recommendation. */
  record OneRecommendation(String reportSummary, String recommendation) {}

  /** The report and the recommendation of a task made for one recommendation. */
  protected OneRecommendation oneRecommendation(TaskCase task) {
    return new OneRecommendation(
        queries.summary(task.id()),
        ReportTasks.describe(
            queries.recommendations(task.id()), task.recordId(Variable.RECOMMENDATION_ID)));
  }

  @Override
  public final void created(TaskCase task) {
    authorizations.hideTask(task.taskId());
  }
}
