package org.invisiblebars.entry.adapter.process;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.invisiblebars.entry.domain.RiskAssessment;
import org.invisiblebars.entry.domain.RiskLevel;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.ReviewVisit;
import org.invisiblebars.entry.usecase.VisitQueries;
import org.invisiblebars.platform.process.Confidential;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.Prefilled;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Assess visit risk: security confirms the risk the visit-risk decision proposed, or overrides it
 * with another and says why. The proposal and the risk are read by security and the director only.
 */
@UserTaskHandlerFor(process = EntryProcess.KEY, task = Element.ASSESS_VISIT_RISK)
class AssessVisitRiskHandler
    extends VisitTaskHandler<AssessVisitRiskHandler.Form, AssessVisitRiskHandler.Display> {

  enum RiskDecision {
    CONFIRM,
    OVERRIDE
  }

  @RequiredWhen(
      field = "risk",
      when = "riskDecision",
      is = "OVERRIDE",
      message = "choose the risk that applies instead")
  @RequiredWhen(
      field = "overrideReasons",
      when = "riskDecision",
      is = "OVERRIDE",
      message = "is required when overriding the proposed risk")
  record Form(
      @NotNull RiskDecision riskDecision,
      RiskLevel risk,
      @Size(max = 4000) String overrideReasons) {}

  record Display(String visitSummary, String riskProposal, @Prefilled RiskLevel risk) {}

  AssessVisitRiskHandler(ReviewVisit review, VisitQueries queries) {
    super(review, queries);
  }

  @Override
  public Display display(TaskCase task) {
    RiskAssessment assessment = queries.assessment(task.id());
    return new Display(
        VisitTaskTexts.visitSummary(queries.forTask(task.id())),
        VisitTaskTexts.riskProposal(assessment),
        assessment.getProposedRisk());
  }

  @Override
  public Confidential readersOf(String field) {
    return riskReaders(field);
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    if (form.riskDecision() == RiskDecision.CONFIRM) {
      return Completion.logged("CONFIRMED_" + review.confirmRisk(task.id(), task.actor()), null);
    }
    String reasons = VisitTasks.text(form.overrideReasons());
    review.overrideRisk(task.id(), form.risk(), reasons, task.actor());
    return Completion.logged("OVERRIDDEN_" + form.risk(), reasons);
  }
}
