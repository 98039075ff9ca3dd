package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.Mou;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.MouDraft;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Draft MoU: the liaison officer writes the clauses agreed with the organisation (who, when, how,
 * what, where not, confidentiality and term), which then go to the organisation to countersign. The
 * continuity plan of a prison service and the commitment of a religious-based organisation to serve
 * everyone depend on the organisation, so the use case checks them.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.DRAFT_MOU)
class DraftMouHandler
    extends AccreditationTaskHandler<DraftMouHandler.Form, DraftMouHandler.Display> {

  record Form(
      @NotBlank @Size(max = 4000) String mandateAndExpectations,
      @NotBlank @Size(max = 4000) String responsibilities,
      @NotBlank @Size(max = 200) String days,
      @NotBlank @Size(max = 200) String hours,
      @NotBlank @Size(max = 4000) String procedures,
      @NotBlank @Size(max = 4000) String allowedActivities,
      @NotBlank @Size(max = 4000) String excludedAreas,
      @NotNull @Min(1) @Max(Mou.MAX_CONFIDENTIALITY_DAYS) Integer confidentialityDays,
      @NotNull @Min(1) @Max(Mou.MAX_TERM_MONTHS) Integer termMonths,
      @Size(max = 4000) String continuityPlan,
      boolean universalAccess,
      @Size(max = 4000) String conditions) {}

  /**
   * What the form shows, and the usual confidentiality period and term and the commitment a
   * religious-based organisation must make, which the liaison officer may change; {@code
   * continuityPlanRequired} shows the continuity plan for a prison service; {@code conditions} are
   * the director's conditions of approval, which become a clause.
   */
  record Display(
      String applicationSummary,
      String decisionSummary,
      String clearedRepresentatives,
      @Prefilled Integer confidentialityDays,
      @Prefilled Integer termMonths,
      @Prefilled Boolean universalAccess,
      Boolean continuityPlanRequired,
      @Prefilled String conditions) {}

  DraftMouHandler(ReviewAccreditation review, AccreditationQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    Accreditation accreditation = queries.scoped(task.id(), Optional.empty());
    return new Display(
        queries.applicationSummary(task.id()),
        queries.decisionSummary(task.id()),
        queries.clearedRepresentatives(task.id()),
        Mou.DEFAULT_CONFIDENTIALITY_DAYS,
        Mou.DEFAULT_TERM_MONTHS,
        queries.religiousBased(accreditation),
        accreditation.getProgrammeType() == ProgrammeType.PRISON_SERVICES,
        accreditation.getApprovalConditions());
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    Mou mou =
        review.draftMou(
            task.id(),
            new MouDraft(
                form.mandateAndExpectations(),
                form.responsibilities(),
                form.days(),
                form.hours(),
                form.procedures(),
                form.allowedActivities(),
                form.excludedAreas(),
                form.confidentialityDays(),
                form.termMonths(),
                form.continuityPlan(),
                form.universalAccess(),
                form.conditions()),
            queries.religiousBased(queries.scoped(task.id(), Optional.empty())),
            task.actor());
    return Completion.logged("MOU_DRAFTED", "version " + mou.getVersion());
  }
}
