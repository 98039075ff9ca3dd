package org.invisiblebars.accreditation.adapter.process;

import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.stereotype.Component;

/**
 * The history of representative-vetting keeps the two ids it works on and the case label; the
 * vetting's reasons are security's and stay in the accreditation's record.
 */
@Component
class RepresentativeVettingHistoryVariables extends HistoryRecordedVariables {

  RepresentativeVettingHistoryVariables() {
    super(RepresentativeVettingProcess.KEY, RepresentativeVettingProcess.Variable.RECORDED);
  }
}
