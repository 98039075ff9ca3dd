package org.invisiblebars.entry.adapter.process;

import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.entry.usecase.VisitQueries.TaskView;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;

/** What every task of the entry process works with: the visit's use case and queries. */
abstract class VisitTaskHandler<F extends Record, D extends Record> extends UserTaskHandler<F, D> {

  protected final ReviewVisit review;
  protected final VisitQueries queries;

  VisitTaskHandler(ReviewVisit review, VisitQueries queries) {
    super(VisitTasks.PROCESS);
    this.review = review;
    this.queries = queries;
  }

  /** What a task after the visitors entered shows: the visit and who entered. */
  record AfterEntry(String visitSummary, String enteredSummary) {}

  /** The visit and who entered, for the tasks after the gate. */
  protected AfterEntry afterEntry(TaskCase task) {
    TaskView visit = queries.forTask(task.id());
    return new AfterEntry(VisitTaskTexts.visitSummary(visit), VisitTaskTexts.enteredSummary(visit));
  }

  /**
   * For the risk tasks: the visit's summary to those who work on visits, the rest to {@link
   * VisitTasks#RISK} only.
   */
  protected static Confidential riskReaders(String field) {
    return "visitSummary".equals(field) ? VisitTasks.VISIT : VisitTasks.RISK;
  }
}
