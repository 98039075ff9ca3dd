package org.invisiblebars.accreditation.adapter.process;

import java.util.Set;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.platform.process.HistoryRecordedVariables;
import org.springframework.stereotype.Component;

/**
 * The history of ngo-accreditation keeps only ids, routing flags, dates and the organisation's
 * name: the application, ratings, vetting reasons, staff views and decisions the forms show and
 * submit live in our tables, where managers, who read history, do not find them.
 */
@Component
class AccreditationHistoryVariables extends HistoryRecordedVariables {

  AccreditationHistoryVariables() {
    super(
        AccreditationProcess.KEY,
        Set.of(
            Variable.ACCREDITATION_ID,
            Variable.ORGANISATION_NAME,
            Variable.FORMAL_MANDATE,
            Variable.MANDATE_VERIFIED,
            Variable.APPLICATION_COMPLETE,
            Variable.RECOMMENDATION,
            Variable.ACCREDITATION_APPROVED,
            Variable.TERM_ENDS_AT,
            Variable.RENEWAL_REMINDER_AT,
            Variable.REPRESENTATIVE_ID,
            Variable.AMENDMENT_ID,
            Variable.TARGET_STATUS));
  }
}
