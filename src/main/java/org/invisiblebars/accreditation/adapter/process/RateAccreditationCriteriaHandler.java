package org.invisiblebars.accreditation.adapter.process;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.invisiblebars.accreditation.domain.Criterion;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationQueries;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation;
import org.invisiblebars.accreditation.usecase.ReviewAccreditation.RatingInput;
import org.invisiblebars.accreditation.usecase.SupportingDocuments;
import org.invisiblebars.platform.task.Completion;
import org.invisiblebars.platform.task.TaskCase;
import org.invisiblebars.platform.task.UserTaskHandlerFor;

/**
 * Rate accreditation criteria: the liaison officer rates each objective criterion 1–5 with the
 * evidence relied on; the ratings feed the decision table that recommends.
 */
@UserTaskHandlerFor(process = AccreditationProcess.KEY, task = Element.RATE_ACCREDITATION_CRITERIA)
class RateAccreditationCriteriaHandler
    extends AccreditationTaskHandler<
        RateAccreditationCriteriaHandler.Form, RateAccreditationCriteriaHandler.Display> {

  /** What the officer rates on: the application and its supporting documents. */
  record Display(String applicationSummary, String supportingDocuments) {}

  /** A rating and its evidence per criterion, named as the decision table names its inputs. */
  record Form(
      @NotNull @Min(1) @Max(5) Integer knowledgeRating,
      @NotBlank @Size(max = 2000) String knowledgeEvidence,
      @NotNull @Min(1) @Max(5) Integer expertiseRating,
      @NotBlank @Size(max = 2000) String expertiseEvidence,
      @NotNull @Min(1) @Max(5) Integer performanceRating,
      @NotBlank @Size(max = 2000) String performanceEvidence,
      @NotNull @Min(1) @Max(5) Integer trackRecordRating,
      @NotBlank @Size(max = 2000) String trackRecordEvidence,
      @NotNull @Min(1) @Max(5) Integer commitmentRating,
      @NotBlank @Size(max = 2000) String commitmentEvidence,
      @NotNull @Min(1) @Max(5) Integer fundsRating,
      @NotBlank @Size(max = 2000) String fundsEvidence,
      @NotNull @Min(1) @Max(5) Integer reputationRating,
      @NotBlank @Size(max = 2000) String reputationEvidence) {

    /** The ratings by criterion, in the criteria's order. */
    Map<Criterion, RatingInput> ratings() {
      Map<Criterion, RatingInput> ratings = new EnumMap<>(Criterion.class);
      ratings.put(Criterion.KNOWLEDGE, new RatingInput(knowledgeRating, knowledgeEvidence));
      ratings.put(Criterion.EXPERTISE, new RatingInput(expertiseRating, expertiseEvidence));
      ratings.put(Criterion.PERFORMANCE, new RatingInput(performanceRating, performanceEvidence));
      ratings.put(Criterion.TRACK_RECORD, new RatingInput(trackRecordRating, trackRecordEvidence));
      ratings.put(Criterion.COMMITMENT, new RatingInput(commitmentRating, commitmentEvidence));
      ratings.put(Criterion.FUNDS, new RatingInput(fundsRating, fundsEvidence));
      ratings.put(Criterion.REPUTATION, new RatingInput(reputationRating, reputationEvidence));
      return ratings;
    }
  }

  private final SupportingDocuments documents;

  RateAccreditationCriteriaHandler(
      ReviewAccreditation review, AccreditationQueries queries, SupportingDocuments documents) {
    super(review, queries);
    this.documents = documents;
  }

  @Override
  public Display display(TaskCase task) {
    return new Display(queries.applicationSummary(task.id()), documents.forReviewers(task.id()));
  }

  @Override
  public Completion complete(TaskCase task, Form form) {
    Map<Criterion, RatingInput> ratings = form.ratings();
    review.rateCriteria(task.id(), ratings);
    return Completion.logged(
        "RATED",
        ratings.entrySet().stream()
            .map(e -> e.getKey().decisionInput() + "=" + e.getValue().value())
            .collect(Collectors.joining(", ")));
  }
}
