package org.invisiblebars.report.adapter.process;

import java.util.Set;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.stereotype.Component;

/** The history of report-review keeps only ids, dates and flags: a confidential report never reaches it. */
@Component
class ReportHistoryVariables implements HistoryRecordedVariables {

  @Override
  public String processKey() {
    return ReportReviewProcess.KEY;
  }

  @Override
  public Set<String> recorded() {
    return ReportReviewProcess.Variable.RECORDED;
  }
}
