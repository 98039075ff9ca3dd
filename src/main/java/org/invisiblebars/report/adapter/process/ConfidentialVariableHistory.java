package org.invisiblebars.report.adapter.process;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps a confidential report out of the engine's history. The forms of report-review show the
 * report in task-local variables and submit the staff's answers as variables; history would keep
 * both for good, readable by anyone with history access (managers). Only the process's ids, dates
 * and flags ({@link ReportReviewProcess.Variable#RECORDED}) are written; any other variable of
 * this process, and any submitted form field, never reaches the history tables.
 */
@Component
class ConfidentialVariableHistory extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
  }

  static boolean recorded(HistoryEvent event) {
    if (!(event instanceof HistoricDetailEventEntity detail) || !ReportReviewProcess.KEY.equals(detail.getProcessDefinitionKey())) {
      return true;
    }
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    return !(event instanceof HistoricVariableUpdateEventEntity variable)
        || ReportReviewProcess.Variable.RECORDED.contains(variable.getVariableName());
  }

  /** Passes every history event on, except a confidential variable's. */
  record Filter(HistoryEventHandler delegate) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorded(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events.stream().filter(ConfidentialVariableHistory::recorded).toList());
    }
  }
}
