package org.invisiblebars.report.adapter.process;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.process.SubmittedForm;
import org.invisiblebars.platform.validation.ConflictException;
import org.invisiblebars.platform.validation.FieldCheck;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.invisiblebars.report.domain.Report;
import org.invisiblebars.report.usecase.ReportQueries;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/**
 * The glue between Tasklist forms and the use cases. On create it hides the task from managers
 * and gives it, as task-local {@link Confidential} variables, the report its form shows (every task
 * of this process belongs to directors or liaison officers, the only ones who read it, by any
 * route). On complete it hands the submitted fields to the use case, sets the routing flag and
 * removes every field again: the report's content stays in our tables and, through the history
 * filter ({@code platform.process.ConfidentialVariableHistory}), out of history.
 */
@Component(ReportReviewProcess.Bean.TASK_LISTENER)
@PublishedForModels
class ReportTaskListener implements TaskListener {

  static final String REPORT_SUMMARY = "reportSummary";
  static final String RECOMMENDATIONS = "recommendationsTable";
  static final String FOLLOW_UP_SUMMARY = "followUpSummary";
  static final String RESPONSIBLE_UNITS = "responsibleUnits";
  static final String PLAN_OF_ACTION = "planOfAction";

  /**
   * Who reads a report under review in the engine: the directors and liaison officers who review
   * it. Not administrators: nobody reads report content outside the review.
   */
  static final Confidential REVIEW = Confidential.readableBy(Groups.DIRECTOR, Groups.NGO_LIAISON);

  /** Texts shown read-only; a form submits them back, so they are removed like the fields. */
  static final List<String> DISPLAYED = List.of(REPORT_SUMMARY, RECOMMENDATIONS, FOLLOW_UP_SUMMARY);

  private final ReviewReport review;
  private final ReportQueries queries;
  private final ReportAuthorizations authorizations;
  private final IdentityService identityService;

  ReportTaskListener(ReviewReport review, ReportQueries queries, ReportAuthorizations authorizations, IdentityService identityService) {
    this.review = review;
    this.queries = queries;
    this.authorizations = authorizations;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID id = SubmittedForm.recordId(task, Variable.REPORT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      authorizations.hideTask(task.getId());
      show(task, id);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      SubmittedForm.completing(task, t -> complete(t, id, SubmittedForm.actor(identityService, t)));
    }
  }

  private void show(DelegateTask task, UUID id) {
    REVIEW.show(task, REPORT_SUMMARY, queries.summary(id));
    REVIEW.show(task, RECOMMENDATIONS, queries.recommendationsTable(id));
    switch (task.getTaskDefinitionKey()) {
      case Element.ACKNOWLEDGE_REPORT -> REVIEW.prefill(task, RESPONSIBLE_UNITS, queries.template(id, 1));
      case Element.PREPARE_PLAN_OF_ACTION -> REVIEW.prefill(task, PLAN_OF_ACTION, queries.template(id, 5));
      case Element.RECORD_FOLLOW_UP -> REVIEW.show(task, FOLLOW_UP_SUMMARY,
          queries.followUpSummary(id, SubmittedForm.recordId(task, Variable.RECOMMENDATION_ID)));
      default -> { }
    }
  }

  private void complete(DelegateTask task, UUID id, String actor) {
    SubmittedForm form = new SubmittedForm(task);
    Boolean closed = null;
    Boolean moreTime = null;
    switch (task.getTaskDefinitionKey()) {
      case Element.REFER_ALLEGATION -> review.referAllegation(id, form.text("competentBody"), form.text("referralReference"), actor);
      case Element.ACKNOWLEDGE_REPORT -> review.acknowledge(id, form.text(RESPONSIBLE_UNITS), actor);
      case Element.HOLD_COORDINATION_MEETING -> review.holdMeeting(id, form.text("meetingDate"), form.text("authorityParticipants"),
          form.text("ngoParticipants"), form.text("meetingMinutes"), actor);
      case Element.PREPARE_PLAN_OF_ACTION -> {
        // Either the plan (and perhaps the waiver), or a request for more time that brings the task back.
        String plan = form.text(PLAN_OF_ACTION);
        String waiverReasons = form.text("waiverReasons");
        boolean waive = form.flag("waiveConfidentiality");
        Integer days = form.integer("extensionDays");
        String extensionReasons = form.text("extensionReasons");
        moreTime = form.flag("askForMoreTime");
        if (moreTime) {
          new FieldCheck().requireRange(days, "extensionDays", 1, Report.MAX_EXTENSION_DAYS)
              .requireText(extensionReasons, "extensionReasons", 4000).orThrow();
          try {
            review.requestExtension(id, days, extensionReasons, actor);
          } catch (ConflictException once) {
            throw InvalidInputException.of("askForMoreTime", once.getMessage());
          }
        } else {
          review.preparePlan(id, plan, actor);
          if (waive) {
            new FieldCheck().requireText(waiverReasons, "waiverReasons", 4000).orThrow();
            review.waive(id, waiverReasons, actor);
          }
        }
      }
      case Element.RECORD_FOLLOW_UP -> closed = review.recordFollowUp(id,
          SubmittedForm.recordId(task, Variable.RECOMMENDATION_ID), form.text("followUpOutcome"),
          form.text("newDeadline"), form.text("followUpNotes"), actor);
      default -> throw new IllegalStateException("no completion for task " + task.getTaskDefinitionKey());
    }
    // The fields now live in our tables; the process keeps ids and flags only.
    List<String> read = new ArrayList<>(DISPLAYED);
    read.addAll(form.read());
    task.removeVariablesLocal(read);
    task.getExecution().removeVariables(read);
    if (moreTime != null) {
      task.getExecution().setVariable(Variable.MORE_TIME_ASKED, moreTime);
    }
    if (closed != null) {
      // followUpClosed is local to this recommendation's follow-up instance (input mapping).
      task.getExecution().setVariable(Variable.FOLLOW_UP_CLOSED, closed);
    }
  }
}
