package org.invisiblebars.platform.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps confidential process data out of the engine's history. Forms show domain data in
 * task-local variables and submit the staff's answers as variables; history would keep both for
 * good, readable by anyone with history access (managers). For every process that declares its
 * {@link HistoryRecordedVariables}, only those variables are written; any other variable of that
 * process, and any submitted form field, never reaches the history tables. Other processes are
 * recorded in full.
 */
@Component
class ConfidentialVariableHistory extends AbstractProcessEnginePlugin {

  /** Multi-instance bookkeeping, never confidential. */
  static final Set<String> COUNTERS = Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  private final Map<String, Set<String>> recordedByProcess;

  ConfidentialVariableHistory(List<HistoryRecordedVariables> processes) {
    this.recordedByProcess = processes.stream().collect(Collectors.toMap(HistoryRecordedVariables::processKey,
        p -> Stream.concat(p.recorded().stream(), COUNTERS.stream()).collect(Collectors.toSet())));
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler(), this::recorded));
  }

  boolean recorded(HistoryEvent event) {
    if (!(event instanceof HistoricDetailEventEntity detail)) {
      return true;
    }
    Set<String> recorded = recordedByProcess.get(detail.getProcessDefinitionKey());
    if (recorded == null) {
      return true;
    }
    if (event instanceof HistoricFormPropertyEventEntity) {
      return false;
    }
    return !(event instanceof HistoricVariableUpdateEventEntity variable) || recorded.contains(variable.getVariableName());
  }

  /** Passes every history event on, except a confidential variable's. */
  record Filter(HistoryEventHandler delegate, Function<HistoryEvent, Boolean> recorded) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (recorded.apply(event)) {
        delegate.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      delegate.handleEvents(events.stream().filter(recorded::apply).toList());
    }
  }
}
