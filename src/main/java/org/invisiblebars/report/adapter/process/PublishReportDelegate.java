package org.invisiblebars.report.adapter.process;

import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReviewReport;
import org.springframework.stereotype.Component;

/**
 * The name under which reviews started on earlier versions of the model call the end of their
 * period. It releases as {@link ReleaseReportDelegate} does: it no longer publishes anything.
 */
@Component(ReportReviewProcess.Bean.RELEASE_DELEGATE_OF_EARLIER_MODELS)
@PublishedForModels
class PublishReportDelegate extends ReleaseReportDelegate {

  PublishReportDelegate(ReviewReport review) {
    super(review);
  }
}
