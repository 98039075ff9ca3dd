package org.invisiblebars.report.adapter.process;

import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.springframework.stereotype.Component;

/**
 * The history of report-review keeps only ids, dates and flags: a confidential report never reaches
 * it.
 */
@Component
class ReportHistoryVariables extends HistoryRecordedVariables {

  ReportHistoryVariables() {
    super(ReportReviewProcess.KEY, ReportReviewProcess.Variable.RECORDED);
  }
}
