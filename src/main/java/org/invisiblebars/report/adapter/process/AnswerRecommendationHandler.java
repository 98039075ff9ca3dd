package org.invisiblebars.report.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;
import org.invisiblebars.report.domain.Answer;
import org.invisiblebars.report.domain.PlanAnswer;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReviewReport;

/**
 * Answer recommendation, one task per recommendation (each with its own due date): the director's
 * answer for the plan of action, with reasons; one accepted in whole or part also with the action,
 * its owner and a deadline. A non-urgent recommendation may be left without an answer; an urgent
 * one may not (a rule of the report, which knows the priority).
 */
@UserTaskHandlerFor(process = ReportReviewProcess.KEY, task = Element.ANSWER_RECOMMENDATION)
class AnswerRecommendationHandler
    extends ReportTaskHandler<
        AnswerRecommendationHandler.Form, ReportTaskHandler.OneRecommendation> {

  /** The answers of {@link Answer}, and none (for a non-urgent recommendation). */
  enum Reply {
    ACCEPTED(Answer.ACCEPTED),
    PARTIALLY_ACCEPTED(Answer.PARTIALLY_ACCEPTED),
    REJECTED(Answer.REJECTED),
    NO_ANSWER(null);

    private final Answer answer;

    Reply(Answer answer) {
      this.answer = answer;
    }
  }

  @RequiredWhen(
      field = "reasons",
      when = "answer",
      is = {"ACCEPTED", "PARTIALLY_ACCEPTED", "REJECTED"},
      message = "is required with an answer")
  @RequiredWhen(
      field = "action",
      when = "answer",
      is = {"ACCEPTED", "PARTIALLY_ACCEPTED"},
      message = "is required when accepted")
  @RequiredWhen(
      field = "owner",
      when = "answer",
      is = {"ACCEPTED", "PARTIALLY_ACCEPTED"},
      message = "is required when accepted")
  @RequiredWhen(
      field = "deadline",
      when = "answer",
      is = {"ACCEPTED", "PARTIALLY_ACCEPTED"},
      message = "is required when accepted")
  record Form(
      @NotNull Reply answer,
      @Size(max = 4000) String reasons,
      @Size(max = 4000) String action,
      @Size(max = 200) String owner,
      LocalDate deadline) {}

  AnswerRecommendationHandler(
      ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations) {
    super(review, queries, authorizations);
  }

  @Override
  public OneRecommendation display(TaskCase task) {
    return oneRecommendation(task);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    Answer answer = form.answer().answer;
    PlanAnswer given =
        answer == null
            ? null
            : new PlanAnswer(
                answer,
                form.reasons().strip(),
                answer.commits() ? form.action().strip() : null,
                answer.commits() ? form.owner().strip() : null,
                answer.commits() ? form.deadline() : null);
    var recommendation = review.answer(task.id(), task.recordId(Variable.RECOMMENDATION_ID), given);
    String which = "Recommendation " + recommendation.getPosition();
    return given == null
        ? Completion.logged(Reply.NO_ANSWER.name(), which)
        : Completion.logged(answer.name(), which + ": " + given.reasons());
  }
}
