package org.invisiblebars.entry.adapter.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.platform.deployment.PublishedForModels;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.springframework.stereotype.Component;

/**
 * Task_ListVisitorsToBrief and Task_ListVisitorsToCheckIn: the representatives at the gate, read
 * when the briefings and then the check-ins begin: those never briefed (one briefing each; a person
 * briefed once is never asked again) and everyone named (one check-in each).
 */
@Component(EntryProcess.Bean.LIST_VISITORS)
@PublishedForModels
class ListVisitorsDelegate implements JavaDelegate {

  private final VisitRepresentatives representatives;

  ListVisitorsDelegate(VisitRepresentatives representatives) {
    this.representatives = representatives;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String visitId = (String) execution.getVariable(Variable.VISIT_ID);
    MultiInstanceItems.hand(
        execution, Variable.UNBRIEFED_REPRESENTATIVE_IDS, representatives.unbriefed(visitId));
    MultiInstanceItems.hand(execution, Variable.REPRESENTATIVE_IDS, representatives.all(visitId));
  }
}
