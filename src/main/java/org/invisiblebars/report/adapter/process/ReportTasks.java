package org.invisiblebars.report.adapter.process;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.CaseProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportQueries.RecommendationView;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReportSubject;

/** What the handlers of the report review's tasks share. */
final class ReportTasks {

  /**
   * Who reads a report under review in the engine: the directors and liaison officers who review
   * it. Not administrators nor managers: nobody reads report content outside the review.
   */
  static final Confidential REVIEW = Confidential.readableBy(Groups.DIRECTOR, Groups.NGO_LIAISON);

  /**
   * Who reads what the referral of an allegation shows: the oversight body that refers it (and its
   * heads, to whom a late referral is escalated), never the facility's staff.
   */
  static final Confidential ALLEGATION =
      Confidential.readableBy(Groups.OVERSIGHT, Groups.OVERSIGHT_HEAD);

  /**
   * The report review: its tasks work on a report, and what they show is read by {@link #REVIEW}
   * only.
   */
  static final CaseProcess PROCESS =
      new CaseProcess(ReportReviewProcess.KEY, ReportSubject.TYPE, Variable.REPORT_ID, REVIEW);

  /**
   * The publication of a released report: its redaction task shows the report to {@link #REVIEW}
   * only, like the review's tasks.
   */
  static final CaseProcess PUBLICATION =
      new CaseProcess(
          ReportPublicationProcess.KEY,
          ReportSubject.TYPE,
          ReportPublicationProcess.Variable.REPORT_ID,
          REVIEW);

  private ReportTasks() {}

  /** The recommendation {@code id} of {@code all} as its own task shows it. */
  static String describe(List<RecommendationView> all, UUID id) {
    return describe(
        all.stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow(), all.size());
  }

  /** One recommendation as a task shows it: number, area, priority, resources, text and unit. */
  static String describe(RecommendationView r, int count) {
    return "Recommendation "
        + r.position()
        + " of "
        + count
        + " ("
        + r.area()
        + ", "
        + words(r.priority().name())
        + ", "
        + words(r.resourceEstimate().name())
        + " resources)\n"
        + r.text()
        + (r.responsibleUnit() == null ? "" : "\nResponsible unit: " + r.responsibleUnit());
  }

  /** A constant as a person reads it: NON_URGENT as "non urgent". */
  static String words(String constant) {
    return constant.toLowerCase().replace('_', ' ');
  }
}
