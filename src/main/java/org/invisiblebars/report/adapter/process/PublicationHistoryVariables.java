package org.invisiblebars.report.adapter.process;

import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.springframework.stereotype.Component;

/**
 * The history of report-publication keeps only the report id: the texts the redaction form shows
 * and submits never reach it.
 */
@Component
class PublicationHistoryVariables extends HistoryRecordedVariables {

  PublicationHistoryVariables() {
    super(ReportPublicationProcess.KEY, ReportPublicationProcess.Variable.RECORDED);
  }
}
