package org.invisiblebars.entry.adapter.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.invisiblebars.entry.domain.EntryOutcome;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.domain.SearchLevel;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.ReviewVisit.Authorisation;
import org.invisiblebars.entry.usecase.ReviewVisit.RiskDecision;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.process.SubmittedForm;
import org.springframework.stereotype.Component;

/**
 * The glue between the entry forms and the use cases. On create it gives the task, as task-local
 * {@link Confidential} variables, the texts its form shows (the risk proposal only to security's and
 * the director's tasks, and readable by those groups only, by any route); on complete it hands the
 * submitted fields to the use case, sets the routing flag and removes the fields again. Invalid
 * input fails the completion with 400 naming each field.
 */
@Component(EntryProcess.Bean.TASK_LISTENER)
@PublishedForModels
class VisitTaskListener implements TaskListener {

  static final String VISIT_SUMMARY = "visitSummary";

  /** What the tasks show about a visit: read by those who work on visits. */
  static final Confidential VISIT =
      Confidential.readableBy(Groups.DIRECTOR, Groups.SECURITY, Groups.NGO_LIAISON, Groups.CAMUNDA_ADMIN);

  /** The risk proposal, the assessment and the search level they lead to: security, directors, administrators. */
  static final Confidential RISK = Confidential.readableBy(Groups.DIRECTOR, Groups.SECURITY, Groups.CAMUNDA_ADMIN);

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
    UUID visitId = SubmittedForm.recordId(task, Variable.VISIT_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, visitId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      SubmittedForm.completing(task, t -> complete(t, visitId, SubmittedForm.actor(identityService, t)));
    }
  }

  private void show(DelegateTask task, UUID visitId) {
    VISIT.show(task, VISIT_SUMMARY, queries.visitSummary(visitId));
    switch (task.getTaskDefinitionKey()) {
      case Element.ASSESS_VISIT_RISK -> {
        RISK.show(task, "riskProposal", queries.riskProposal(visitId));
        RISK.prefill(task, "risk", queries.proposedRisk(visitId));
      }
      case Element.AUTHORISE_VISIT -> {
        RISK.show(task, "assessmentSummary", queries.assessmentSummary(visitId));
        RISK.prefill(task, "authorisedSearchLevel", queries.protocolSearchLevel(visitId));
      }
      case Element.SCHEDULE_VISIT, Element.CHECK_OUT_VISITORS, Element.ACCOUNT_FOR_VISITORS -> {
        VISIT.show(task, "authorisationSummary", queries.authorisationSummary(visitId));
        if (!Element.SCHEDULE_VISIT.equals(task.getTaskDefinitionKey())) {
          VISIT.show(task, "enteredSummary", queries.enteredSummary(visitId));
        }
      }
      case Element.HOLD_SECURITY_BRIEFING -> VISIT.show(task, "representativeName", queries.representativeName(person(task)));
      case Element.CHECK_IN_VISITOR -> {
        VISIT.show(task, "representativeName", queries.representativeName(person(task)));
        VISIT.show(task, "gateSummary", queries.gateSummary(visitId, person(task)));
        VISIT.show(task, "authorisationSummary", queries.authorisationSummary(visitId));
        VISIT.show(task, "unannounced", !Boolean.TRUE.equals(task.getVariable(Variable.ANNOUNCED)));
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
    return SubmittedForm.recordId(task, Variable.REPRESENTATIVE_ID);
  }
}
