package org.invisiblebars.accreditation.adapter.process;

import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.AccreditationSubject;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandler;

/**
 * What the handlers of the accreditation's tasks share: their process, the use case they call and
 * the queries their forms read. Abstract, so it handles no task of its own.
 */
abstract class AccreditationTaskHandler<F extends Record, D extends Record>
    extends UserTaskHandler<F, D> {

  /**
   * The accreditation process: its tasks work on an accreditation, and what they show (the
   * application, ratings, vetting, staff views, decision and MoU) is read by those who work on
   * accreditations, as in our API; not managers or process owners.
   */
  static final CaseProcess PROCESS =
      new CaseProcess(
          AccreditationProcess.KEY,
          AccreditationSubject.TYPE,
          Variable.ACCREDITATION_ID,
          Confidential.readableBy(AccreditationQueries.REVIEWERS));

  protected final ReviewAccreditation review;
  protected final AccreditationQueries queries;

  AccreditationTaskHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(PROCESS);
    this.review = review;
    this.queries = queries;
  }

  /** What a form that shows only the application shows. */
  record ApplicationShown(String applicationSummary) {}

  /** The handler of a task whose form shows the application as submitted, and nothing more. */
  abstract static class ShowingApplicationHandler<F extends Record>
      extends AccreditationTaskHandler<F, ApplicationShown> {

    ShowingApplicationHandler(ReviewAccreditation review, AccreditationQueries queries) {
      super(review, queries);
    }

    @Override
    public ApplicationShown display(TaskCase task) {
      return new ApplicationShown(queries.applicationSummary(task.id()));
    }
  }
}
