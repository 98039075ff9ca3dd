package org.invisiblebars.report.adapter.process;

import java.util.List;
import java.util.UUID;
import org.invisiblebars.report.usecase.ReviewReport;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** The collection of the follow-up: the ids of the recommendations accepted in whole or part. */
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
