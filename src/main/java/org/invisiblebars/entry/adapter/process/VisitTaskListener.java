package org.invisiblebars.entry.adapter.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.invisiblebars.entry.adapter.process.EntryProcess.Element;
import org.invisiblebars.entry.adapter.process.EntryProcess.Variable;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.ReviewVisit.Authorisation;
import org.invisiblebars.entry.usecase.ReviewVisit.RiskDecision;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * The glue between the entry forms and the use cases. On create it gives the task, as task-local
 * variables, the texts its form shows (the risk proposal only to security's and the director's
 * tasks); on complete it hands the submitted fields to the use case, sets the routing flag and
 * removes the fields again. Invalid input fails the completion with 400 naming each field.
 */
@Component(EntryProcess.Bean.TASK_LISTENER)
@PublishedForModels
class VisitTaskListener implements TaskListener {

  static final String VISIT_SUMMARY = "visitSummary";

  /** Texts shown read-only; a form submits them back, so they are removed like the fields. */
  static final List<String> DISPLAYED = List.of(VISIT_SUMMARY, "riskProposal", "assessmentSummary",
      "authorisationSummary", "gateSummary", "representativeName", "enteredSummary", "unannounced");

  private final ReviewVisit review;
  private final VisitQueries queries;
  private final IdentityService identityService;

  VisitTaskListener(ReviewVisit review, VisitQueries queries, IdentityService identityService) {
    this.review = review;
    this.queries = queries;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID visitId = UUID.fromString((String) task.getVariable(Variable.VISIT_ID));
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, visitId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      SubmittedForm.completing(task, t -> complete(t, visitId, SubmittedForm.actor(identityService, t)));
    }
  }

  private void show(DelegateTask task, UUID visitId) {
    task.setVariableLocal(VISIT_SUMMARY, queries.visitSummary(visitId));
    switch (task.getTaskDefinitionKey()) {
      case Element.ASSESS_VISIT_RISK -> {
        task.setVariableLocal("riskProposal", queries.riskProposal(visitId));
        SubmittedForm.prefill(task, "risk", queries.proposedRisk(visitId));
      }
      case Element.AUTHORISE_VISIT -> {
        task.setVariableLocal("assessmentSummary", queries.assessmentSummary(visitId));
        SubmittedForm.prefill(task, "authorisedSearchLevel", queries.protocolSearchLevel(visitId));
      }
      case Element.SCHEDULE_VISIT, Element.CHECK_OUT_VISITORS, Element.ACCOUNT_FOR_VISITORS -> {
        task.setVariableLocal("authorisationSummary", queries.authorisationSummary(visitId));
        if (!Element.SCHEDULE_VISIT.equals(task.getTaskDefinitionKey())) {
          task.setVariableLocal("enteredSummary", queries.enteredSummary(visitId));
        }
      }
      case Element.HOLD_SECURITY_BRIEFING -> task.setVariableLocal("representativeName", queries.representativeName(person(task)));
      case Element.CHECK_IN_VISITOR -> {
        task.setVariableLocal("representativeName", queries.representativeName(person(task)));
        task.setVariableLocal("gateSummary", queries.gateSummary(visitId, person(task)));
        task.setVariableLocal("authorisationSummary", queries.authorisationSummary(visitId));
        task.setVariableLocal("unannounced", !Boolean.TRUE.equals(task.getVariable(Variable.ANNOUNCED)));
      }
      default -> { }
    }
  }

  private void complete(DelegateTask task, UUID visitId, String actor) {
    Map<String, Object> flags = new HashMap<>();
    SubmittedForm form = new SubmittedForm(task);
    switch (task.getTaskDefinitionKey()) {
      case Element.ASSESS_VISIT_RISK -> review.assessRisk(visitId, form.choice("riskDecision", RiskDecision.class),
          form.choice("risk", RiskLevel.class), form.text("overrideReasons"), actor);
      case Element.AUTHORISE_VISIT -> flags.put(Variable.VISIT_AUTHORISED, review.authorise(visitId,
          form.choice("authorisation", Authorisation.class), form.choice("authorisedSearchLevel", SearchLevel.class),
          form.text("conditions"), form.text("denialReasons"), actor));
      case Element.SCHEDULE_VISIT -> review.schedule(visitId, form.text("escort"), form.text("meetingPoint"), actor);
      case Element.HOLD_SECURITY_BRIEFING -> review.brief(visitId, person(task), form.flag("briefingHeld"),
          form.text("briefingNotes"), actor);
      case Element.CHECK_IN_VISITOR -> review.recordGate(visitId, person(task), form.choice("entryOutcome", EntryOutcome.class),
          form.choice("appliedSearchLevel", SearchLevel.class), form.text("itemsFound"), form.flag("acknowledgedAtGate"), actor);
      case Element.CHECK_OUT_VISITORS -> review.checkOut(visitId, form.flag("incidentOccurred"), form.text("incidentDescription"),
          actor);
      case Element.ACCOUNT_FOR_VISITORS -> review.accountForVisitors(visitId, form.text("account"), actor);
      default -> throw new IllegalStateException("no completion for task " + task.getTaskDefinitionKey());
    }
    List<String> submitted = new ArrayList<>(form.read());
    submitted.addAll(DISPLAYED);
    task.getExecution().removeVariables(submitted);
    task.getExecution().setVariables(flags);
  }

  private static UUID person(DelegateTask task) {
    return UUID.fromString((String) task.getVariable(Variable.REPRESENTATIVE_ID));
  }
}
