package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.stream.Collectors;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.domain.ReportRecommendation;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * Submit plan of action: the director submits the answers given to the recommendations as the plan
 * of action, and may waive confidentiality with it (the report is released to its organisation now:
 * the flag routes this instance to the end of its confidential review). Or she asks the
 * organisation, once, for more days; this task then comes back.
 */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.PREPARE_PLAN_OF_ACTION)
class PreparePlanOfActionHandler
    extends ReportTaskHandler<PreparePlanOfActionHandler.Form, PreparePlanOfActionHandler.Display> {

  /** The limit of the extension is {@link Report#MAX_EXTENSION_DAYS}; the form says the same. */
  @RequiredWhen(
      field = "extensionDays",
      when = "askForMoreTime",
      is = "true",
      message = "is required when you ask for more time")
  @RequiredWhen(
      field = "extensionReasons",
      when = "askForMoreTime",
      is = "true",
      message = "is required when you ask for more time")
  @RequiredWhen(
      field = "waiverReasons",
      when = "waiveConfidentiality",
      is = "true",
      message = "is required when you waive")
  record Form(
      boolean askForMoreTime,
      @Min(1) @Max(Report.MAX_EXTENSION_DAYS) Integer extensionDays,
      @Size(max = 4000) String extensionReasons,
      boolean waiveConfidentiality,
      @Size(max = 4000) String waiverReasons) {}

  record Display(String reportSummary, String answers) {}

  PreparePlanOfActionHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  /** The answers given in the recommendations' own tasks, which this task submits as the plan. */
  @Override
  public Display display(TaskCase task) {
    return new Display(
        queries.summary(task.id()),
        queries.recommendations(task.id()).stream()
            .map(
                r ->
                    "Recommendation "
                        + r.position()
                        + ": "
                        + (r.answer() == null
                            ? "no answer"
                            : ReportTasks.words(r.answer().name())
                                + (r.reasons() == null ? "" : ". " + r.reasons())
                                + (r.action() == null
                                    ? ""
                                    : "\nAction: "
                                        + r.action()
                                        + "; owner: "
                                        + r.owner()
                                        + "; by "
                                        + r.deadline())))
            .collect(Collectors.joining("\n\n")));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    if (form.askForMoreTime()) {
      try {
        review.askForMoreTime(
            task.id(), form.extensionDays(), form.extensionReasons(), task.actor());
      } catch (ConflictException once) {
        throw InvalidInputException.of("askForMoreTime", once.getMessage());
      }
      return Completion.logged(
              "EXTENSION_REQUESTED",
              form.extensionDays() + " days: " + form.extensionReasons().strip())
          .with(Variable.MORE_TIME_ASKED, true)
          .with(Variable.CONFIDENTIALITY_WAIVED, false);
    }
    Report report = review.submitPlan(task.id(), task.actor());
    Completion completion =
        Completion.logged(
            "PLAN_OF_ACTION",
            report.getRecommendations().stream()
                .filter(r -> r.getAnswer() != null)
                .map(PreparePlanOfActionHandler::logged)
                .collect(Collectors.joining("; ")));
    if (form.waiveConfidentiality()) {
      review.waiveWithPlan(task.id(), form.waiverReasons(), task.actor());
      completion.andLogged("waiver", "CONFIDENTIALITY_WAIVED", form.waiverReasons().strip());
    }
    return completion
        .with(Variable.MORE_TIME_ASKED, false)
        .with(Variable.CONFIDENTIALITY_WAIVED, form.waiveConfidentiality());
  }

  private static String logged(ReportRecommendation r) {
    return r.getPosition() + ": " + r.getAnswer() + " (" + r.getReasons() + ")";
  }
}
