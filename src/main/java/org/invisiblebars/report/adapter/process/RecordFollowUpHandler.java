package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.report.domain.FollowUpStatus;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;
import org.invisiblebars.report.usecase.VisitFindings;

/**
 * Record follow-up, per accepted recommendation at its deadline: implemented, not implemented, or
 * in progress with a new deadline (the recommendation is then followed up again).
 */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.RECORD_FOLLOW_UP)
class RecordFollowUpHandler
    extends ReportTaskHandler<RecordFollowUpHandler.Form, RecordFollowUpHandler.Display> {

  /** What a follow-up finds: {@link FollowUpStatus} without OPEN, which no follow-up records. */
  enum Outcome {
    IMPLEMENTED(FollowUpStatus.IMPLEMENTED),
    IN_PROGRESS(FollowUpStatus.IN_PROGRESS),
    NOT_IMPLEMENTED(FollowUpStatus.NOT_IMPLEMENTED);

    private final FollowUpStatus status;

    Outcome(FollowUpStatus status) {
      this.status = status;
    }
  }

  @RequiredWhen(
      field = "newDeadline",
      when = "followUpOutcome",
      is = "IN_PROGRESS",
      message = "is required when in progress")
  record Form(
      @NotNull Outcome followUpOutcome,
      LocalDate newDeadline,
      @NotBlank @Size(max = 4000) String followUpNotes) {}

  /** The recommendation and its action, and the organisation's latest finding from a visit. */
  record Display(String followUpSummary, String ngoFinding) {}

  private final VisitFindings findings;

  RecordFollowUpHandler(
      ReviewReport review,
      ReportQueries queries,
      ReportAuthorizations authorizations,
      VisitFindings findings) {
    super(review, queries, authorizations);
    this.findings = findings;
  }

  @Override
  public Display display(TaskCase task) {
    UUID recommendation = task.recordId(Variable.RECOMMENDATION_ID);
    return new Display(
        queries.followUpSummary(task.id(), recommendation),
        findings
            .latestFinding(recommendation)
            .map(
                f ->
                    f.status() + " (follow-up visit, recorded " + f.recordedAt() + "): " + f.text())
            .orElse("No follow-up visit has reported on this recommendation yet."));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    FollowUpStatus status = form.followUpOutcome().status;
    boolean closed =
        review.recordFollowUp(
            task.id(),
            task.recordId(Variable.RECOMMENDATION_ID),
            status,
            status == FollowUpStatus.IN_PROGRESS ? form.newDeadline() : null,
            form.followUpNotes(),
            task.actor());
    // followUpClosed is local to this recommendation's follow-up instance (input mapping).
    return Completion.logged(status.name(), form.followUpNotes().strip())
        .with(Variable.FOLLOW_UP_CLOSED, closed);
  }
}
