package org.invisiblebars.platform.process;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDetailEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * Keeps confidential process data out of the engine's history. Forms show domain data in task-local
 * variables and submit the staff's answers as variables; history would keep both for good, readable
 * by anyone with history access (managers). For every process that declares its {@link
 * HistoryRecordedVariables}, only those variables are written; any other variable of that process,
 * and any submitted form field, never reaches the history tables. Other processes are recorded in
 * full.
 *
 * <p>Through the engine's documented extension point for what history records, its {@code
 * historyEventProducer} (set before the engine initialises, so it takes the place of the default
 * one): the producer makes no event for a confidential variable, and the engine writes nothing when
 * there is no event. The history event handler, which writes the events, stays the engine's own.
 */
@Component
class ConfidentialVariableHistory extends AbstractProcessEnginePlugin {

  /** Multi-instance bookkeeping, never confidential. */
  static final Set<String> COUNTERS =
      Set.of("nrOfInstances", "nrOfActiveInstances", "nrOfCompletedInstances", "loopCounter");

  private final Map<String, Set<String>> recordedByProcess;

  ConfidentialVariableHistory(List<HistoryRecordedVariables> processes) {
    this.recordedByProcess =
        processes.stream()
            .collect(
                Collectors.toMap(
                    HistoryRecordedVariables::processKey,
                    p ->
                        Stream.concat(p.recorded().stream(), COUNTERS.stream())
                            .collect(Collectors.toSet())));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventProducer(new Producer(this));
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
    return !(event instanceof HistoricVariableUpdateEventEntity variable)
        || recorded.contains(variable.getVariableName());
  }

  /**
   * The engine's default producer, without the events of confidential variables and form fields.
   */
  static final class Producer extends CacheAwareHistoryEventProducer {

    private final ConfidentialVariableHistory policy;

    Producer(ConfidentialVariableHistory policy) {
      this.policy = policy;
    }

    private HistoryEvent ifRecorded(HistoryEvent event) {
      return policy.recorded(event) ? event : null;
    }

    @Override
    public HistoryEvent createHistoricVariableCreateEvt(
        VariableInstanceEntity variable, VariableScope source) {
      return ifRecorded(super.createHistoricVariableCreateEvt(variable, source));
    }

    @Override
    public HistoryEvent createHistoricVariableUpdateEvt(
        VariableInstanceEntity variable, VariableScope source) {
      return ifRecorded(super.createHistoricVariableUpdateEvt(variable, source));
    }

    @Override
    public HistoryEvent createHistoricVariableDeleteEvt(
        VariableInstanceEntity variable, VariableScope source) {
      return ifRecorded(super.createHistoricVariableDeleteEvt(variable, source));
    }

    @Override
    public HistoryEvent createHistoricVariableMigrateEvt(VariableInstanceEntity variable) {
      return ifRecorded(super.createHistoricVariableMigrateEvt(variable));
    }

    @Override
    public HistoryEvent createFormPropertyUpdateEvt(
        ExecutionEntity execution, String propertyId, String value, String taskId) {
      return ifRecorded(super.createFormPropertyUpdateEvt(execution, propertyId, value, taskId));
    }
  }
}
