package org.invisiblebars.report.adapter.process;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/**
 * The collection of the follow-up: the ids of the recommendations accepted in whole or part.
 *
 * <p>Current models hand these ids to their multi-instance with {@link ListFollowUpsDelegate}: a
 * model may not call a bean's methods. This bean stays published because instances started on
 * earlier versions of the model still call it from their collection; remove it once none of them
 * runs.
 */
@Component(ReportReviewProcess.Bean.FOLLOW_UPS)
@PublishedForModels
public class ReportFollowUps {

  private final ReviewReport review;

  ReportFollowUps(ReviewReport review) {
    this.review = review;
  }

  public List<String> idsOf(String reportId) {
    return review.followUps(UUID.fromString(reportId)).stream().map(UUID::toString).toList();
  }
}
