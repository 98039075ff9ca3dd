package org.invisiblebars.entry.adapter.process;

import java.util.Set;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.stereotype.Component;

/**
 * The history of entry-authorisation keeps only ids, dates, flags and the names Tasklist shows: the
 * risk proposal, an override's reasons and the gate records stay in our tables, where only security
 * and the director read them.
 */
@Component
class EntryHistoryVariables extends HistoryRecordedVariables {

  EntryHistoryVariables() {
    super(
        EntryProcess.KEY,
        Set.of(
            Variable.VISIT_ID,
            Variable.ORGANISATION_NAME,
            Variable.FACILITY_NAME,
            Variable.FORMAL_MANDATE,
            Variable.ANNOUNCED,
            Variable.IN_SCOPE,
            Variable.DIRECTOR_AUTHORISATION_REQUIRED,
            Variable.VISIT_AUTHORISED,
            Variable.ESCALATE_AT,
            Variable.GATE_OPENS_AT,
            Variable.WINDOW_ENDS_AT,
            Variable.CHECK_OUT_ALERT_AT,
            Variable.REPRESENTATIVE_ID,
            Variable.GATE_OUTCOME));
  }
}
