package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decided;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.Decision;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;
import org.invisiblebars.platform.validation.RequiredWhen;

/**
 * Decide accreditation: the director approves (with conditions, if any) or rejects, with reasons
 * the organisation may be shown. A rejection names the criteria the organisation failed; a decision
 * against the recommendation says why (checked by the use case, which reads the recommendation).
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.DECIDE_ACCREDITATION)
class DecideAccreditationHandler
    extends AccreditationTaskHandler<
        DecideAccreditationHandler.Form, DecideAccreditationHandler.Display> {

  @RequiredWhen(field = "conditions", when = "decision", is = "APPROVE_WITH_CONDITIONS")
  record Form(
      @NotNull Decision decision,
      @NotBlank @Size(max = 4000) String decisionReasons,
      @Size(max = 4000) String conditions,
      boolean failedKnowledge,
      boolean failedExpertise,
      boolean failedPerformance,
      boolean failedTrackRecord,
      boolean failedCommitment,
      boolean failedFunds,
      boolean failedReputation,
      @Size(max = 2000) String againstRecommendationReason) {

    /** The criteria ticked as failed. */
    List<Criterion> failedCriteria() {
      List<Criterion> failed = new ArrayList<>();
      boolean[] ticked = {
        failedKnowledge,
        failedExpertise,
        failedPerformance,
        failedTrackRecord,
        failedCommitment,
        failedFunds,
        failedReputation
      };
      Criterion[] criteria = {
        Criterion.KNOWLEDGE,
        Criterion.EXPERTISE,
        Criterion.PERFORMANCE,
        Criterion.TRACK_RECORD,
        Criterion.COMMITMENT,
        Criterion.FUNDS,
        Criterion.REPUTATION
      };
      for (int i = 0; i < criteria.length; i++) {
        if (ticked[i]) {
          failed.add(criteria[i]);
        }
      }
      return failed;
    }

    /**
     * The cross-field rule on the ticked criteria, which Bean Validation reads as the property
     * {@code failedCriteria} (a getter's name) and reports on it: a rejection ticks at least one.
     */
    @AssertTrue(message = "a rejection must name at least one criterion it failed")
    boolean hasFailedCriteria() {
      return decision != Decision.REJECT || !failedCriteria().isEmpty();
    }
  }

  record Display(
      String applicationSummary,
      String recommendationSummary,
      String reviewSummary,
      String supportingDocuments) {}

  private final SupportingDocuments documents;

  DecideAccreditationHandler(
      ReviewAccreditation review, AccreditationQueries queries, SupportingDocuments documents) {
    super(review, queries);
    this.documents = documents;
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(
        queries.applicationSummary(task.id()),
        queries.recommendationSummary(task.id()),
        queries.reviewSummary(task.id()),
        documents.forReviewers(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    Decided decided =
        review.decide(
            task.id(), form.decision(), form.againstRecommendationReason(), form.conditions());
    StringBuilder reasons = new StringBuilder(form.decisionReasons());
    if (form.decision() == Decision.APPROVE_WITH_CONDITIONS) {
      reasons.append("\nConditions: ").append(form.conditions());
    }
    if (form.decision() == Decision.REJECT) {
      reasons
          .append("\nFailed criteria: ")
          .append(
              form.failedCriteria().stream()
                  .map(Criterion::decisionInput)
                  .sorted()
                  .collect(Collectors.joining(", ")));
    }
    if (form.againstRecommendationReason() != null
        && !form.againstRecommendationReason().isBlank()) {
      reasons
          .append("\nAgainst the recommendation ")
          .append(decided.recommendation())
          .append(": ")
          .append(form.againstRecommendationReason());
    }
    return Completion.logged(form.decision().name(), reasons.toString())
        .with(Variable.ACCREDITATION_APPROVED, decided.approved());
  }
}
