package org.invisiblebars.accreditation.adapter.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.accreditation.usecase.NegotiateMou;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.springframework.stereotype.Component;

/** Task_ReviseMou: every amendment answered, the next version of the MoU goes to the NGO. */
@Component(AccreditationProcess.Bean.REVISE_MOU_DELEGATE)
@PublishedForModels
class ReviseMouDelegate implements JavaDelegate {

  private final NegotiateMou negotiation;

  ReviseMouDelegate(NegotiateMou negotiation) {
    this.negotiation = negotiation;
  }

  @Override
  public void execute(DelegateExecution execution) {
    negotiation.revise(UUID.fromString((String) execution.getVariable(Variable.ACCREDITATION_ID)));
  }
}
