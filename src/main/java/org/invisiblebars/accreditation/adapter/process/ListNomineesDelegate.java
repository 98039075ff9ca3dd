package org.invisiblebars.accreditation.adapter.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.springframework.stereotype.Component;

/** Task_ListNominees: the representatives named in the application, one vetting task each. */
@Component(AccreditationProcess.Bean.LIST_NOMINEES_DELEGATE)
@PublishedForModels
class ListNomineesDelegate implements JavaDelegate {

  private final AccreditationNominees nominees;

  ListNomineesDelegate(AccreditationNominees nominees) {
    this.nominees = nominees;
  }

  @Override
  public void execute(DelegateExecution execution) {
    MultiInstanceItems.hand(
        execution,
        Variable.NOMINEE_IDS,
        nominees.idsOf((String) execution.getVariable(Variable.ACCREDITATION_ID)));
  }
}
