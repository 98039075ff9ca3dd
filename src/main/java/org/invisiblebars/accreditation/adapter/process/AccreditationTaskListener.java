package org.invisiblebars.accreditation.adapter.process;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.domain.Vetting;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decision;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.DecisionInput;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.MouDraft;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.RatingInput;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.organisation.domain.Representative;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.process.SubmittedForm;
import org.invisiblebars.platform.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The glue between Tasklist forms and the use cases. On create it gives the task, as task-local
 * {@link Confidential} variables, the texts its form shows; on complete it hands the submitted
 * fields to the use case, sets the routing flag, and removes the fields again, so the process keeps
 * only ids and flags.
 * Invalid input fails the completion with 400 naming each field; nothing is saved, since the
 * completion's transaction rolls back.
 */
@Component(AccreditationProcess.Bean.TASK_LISTENER)
@PublishedForModels
class AccreditationTaskListener implements TaskListener {

  static final String APPLICATION_SUMMARY = "applicationSummary";

  /**
   * Who reads what the tasks show (the application, ratings, vetting, staff views, decision and
   * MoU): those who work on accreditations, as in our API; not managers or process owners.
   */
  static final Confidential STAFF = Confidential.readableBy(AccreditationQueries.REVIEWERS);

  /** Texts shown read-only; a form submits them back, so they are removed like the fields. */
  static final List<String> DISPLAYED = List.of(APPLICATION_SUMMARY, "informationHistory", "representativeName",
      "representativeRole", "recommendationSummary", "reviewSummary", "decisionSummary", "clearedRepresentatives",
      "continuityPlanRequired", "mouSummary", "termSummary");

  private final ReviewAccreditation review;
  private final AccreditationQueries queries;
  private final IdentityService identityService;

  AccreditationTaskListener(ReviewAccreditation review, AccreditationQueries queries, IdentityService identityService) {
    this.review = review;
    this.queries = queries;
    this.identityService = identityService;
  }

  @Override
  public void notify(DelegateTask task) {
    UUID id = SubmittedForm.recordId(task, Variable.ACCREDITATION_ID);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      show(task, id);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      SubmittedForm.completing(task, t -> complete(t, id, SubmittedForm.actor(identityService, t)));
    }
  }

  private void show(DelegateTask task, UUID id) {
    STAFF.show(task, APPLICATION_SUMMARY, queries.applicationSummary(id));
    switch (task.getTaskDefinitionKey()) {
      case Element.VET_REPRESENTATIVES -> {
        UUID person = SubmittedForm.recordId(task, Variable.REPRESENTATIVE_ID);
        Representative representative = queries.representativesOf(queries.scoped(id, java.util.Optional.empty())).get(person);
        STAFF.show(task, "representativeName", representative.getFullName());
        STAFF.show(task, "representativeRole", representative.getRole() == null ? "" : representative.getRole());
      }
      case Element.DECIDE_ACCREDITATION -> {
        STAFF.show(task, "recommendationSummary", queries.recommendationSummary(id));
        STAFF.show(task, "reviewSummary", queries.reviewSummary(id));
      }
      case Element.DRAFT_MOU -> {
        var accreditation = queries.scoped(id, java.util.Optional.empty());
        STAFF.show(task, "decisionSummary", queries.decisionSummary(id));
        STAFF.show(task, "clearedRepresentatives", queries.clearedRepresentatives(id));
        STAFF.prefill(task, "confidentialityDays", org.invisiblebars.accreditation.domain.Mou.DEFAULT_CONFIDENTIALITY_DAYS);
        STAFF.prefill(task, "termMonths", org.invisiblebars.accreditation.domain.Mou.DEFAULT_TERM_MONTHS);
        STAFF.prefill(task, "universalAccess", queries.religiousBased(accreditation));
        STAFF.show(task, "continuityPlanRequired",
            accreditation.getProgrammeType() == org.invisiblebars.accreditation.domain.ProgrammeType.PRISON_SERVICES);
      }
      case Element.SIGN_MOU -> STAFF.show(task, "mouSummary", queries.mouSummary(id));
      case Element.PREPARE_RENEWAL -> STAFF.show(task, "termSummary", queries.termSummary(id));
      default -> { }
    }
  }

  private void complete(DelegateTask task, UUID id, String actor) {
    Map<String, Object> flags = new java.util.HashMap<>();
    SubmittedForm form = new SubmittedForm(task);
    switch (task.getTaskDefinitionKey()) {
      case Element.RATE_ACCREDITATION_CRITERIA -> {
        Map<Criterion, RatingInput> ratings = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
          String field = criterion.decisionInput();
          ratings.put(criterion, new RatingInput(form.integer(field + "Rating"), form.text(field + "Evidence")));
        }
        review.rateCriteria(id, ratings, actor);
      }
      case Element.VET_REPRESENTATIVES -> {
        String vetting = form.text("vetting");
        Vetting outcome = "CLEARED".equals(vetting) ? Vetting.CLEARED : "REFUSED".equals(vetting) ? Vetting.REFUSED : null;
        review.vetRepresentative(id, SubmittedForm.recordId(task, Variable.REPRESENTATIVE_ID), outcome,
            form.text("vettingReasons"), actor);
      }
      case Element.CONSULT_STAFF -> review.consultStaff(id, form.text("staffViews"), actor);
      case Element.DECIDE_ACCREDITATION -> {
        String decision = form.text("decision");
        Decision chosen = decision == null ? null : switch (decision) {
          case "APPROVE" -> Decision.APPROVE;
          case "APPROVE_WITH_CONDITIONS" -> Decision.APPROVE_WITH_CONDITIONS;
          case "REJECT" -> Decision.REJECT;
          default -> throw InvalidInputException.of("decision", "must be APPROVE, APPROVE_WITH_CONDITIONS or REJECT");
        };
        List<Criterion> failed = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
          String field = criterion.decisionInput();
          if (form.flag("failed" + Character.toUpperCase(field.charAt(0)) + field.substring(1))) {
            failed.add(criterion);
          }
        }
        flags.put(Variable.ACCREDITATION_APPROVED, review.decide(id, new DecisionInput(chosen, form.text("decisionReasons"),
            form.text("conditions"), failed, form.text("againstRecommendationReason")), actor));
      }
      case Element.DRAFT_MOU -> review.draftMou(id, new MouDraft(form.text("mandateAndExpectations"), form.text("responsibilities"),
          form.text("days"), form.text("hours"), form.text("procedures"), form.text("allowedActivities"), form.text("excludedAreas"),
          form.integer("confidentialityDays"), form.integer("termMonths"), form.text("continuityPlan"), form.flag("universalAccess")),
          queries.religiousBased(queries.scoped(id, java.util.Optional.empty())), actor);
      case Element.SIGN_MOU -> review.signMou(id, form.flag("mouSigned"), form.text("signatureNotes"), actor);
      case Element.PREPARE_RENEWAL -> review.prepareRenewal(id, form.text("renewalNotes"), actor);
      default -> throw new IllegalStateException("no completion for task " + task.getTaskDefinitionKey());
    }
    // The fields now live in our tables; the process keeps ids and flags only. A field may share
    // its name with the flag it decides (mandateVerified), so the flags are set after the removal.
    List<String> submitted = new ArrayList<>(form.read());
    submitted.addAll(DISPLAYED);
    task.getExecution().removeVariables(submitted);
    task.getExecution().setVariables(flags);
  }
}
