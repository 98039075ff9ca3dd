package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.NegotiateMou;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.springframework.stereotype.Component;

/** Task_ListMouAmendments: the NGO's amendments to the current version, one answer task each. */
@Component(AccreditationProcess.Bean.LIST_MOU_AMENDMENTS_DELEGATE)
@PublishedForModels
class ListMouAmendmentsDelegate implements JavaDelegate {

  private final NegotiateMou negotiation;

  ListMouAmendmentsDelegate(NegotiateMou negotiation) {
    this.negotiation = negotiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MultiInstanceItems.hand(
        execution,
        Variable.AMENDMENT_IDS,
        negotiation.unanswered(
            UUID.fromString((String) execution.getVariable(Variable.ACCREDITATION_ID))));
  }
}
