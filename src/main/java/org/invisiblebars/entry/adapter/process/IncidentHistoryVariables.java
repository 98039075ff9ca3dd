package org.invisiblebars.entry.adapter.process;

import java.util.Set;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Variable;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.stereotype.Component;

/**
 * The history of incident-review keeps only ids, dates, the decision's flag and the names Tasklist
 * shows: the incident, the organisation's account and the director's reasons stay in our tables.
 */
@Component
class IncidentHistoryVariables extends HistoryRecordedVariables {

  IncidentHistoryVariables() {
    super(
        IncidentReviewProcess.KEY,
        Set.of(
            Variable.VISIT_ID,
            Variable.ORGANISATION_NAME,
            Variable.FACILITY_NAME,
            Variable.CONTEST_DEADLINE,
            Variable.INCIDENT_UPHELD));
  }
}
