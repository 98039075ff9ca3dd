package org.invisiblebars.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeDbHistoryEventHandler;
import org.invisiblebars.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Confidential variables are kept out of history where the engine makes its history events (its
 * documented history event producer), and the engine writes the others with its own handler, which
 * a Camunda 7 fork or patch may change freely. What history keeps is proven by {@code
 * ConfidentialVariablesIT}.
 */
class ConfidentialVariableHistoryIT extends IntegrationTest {

  @Autowired ProcessEngine engine;

  @Test
  void historyIsFilteredByTheProducerAndWrittenByTheEnginesOwnHandler() {
    var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryEventProducer())
        .isInstanceOf(ConfidentialVariableHistory.Producer.class);
    assertThat(configuration.getHistoryEventHandler())
        .isExactlyInstanceOf(CompositeDbHistoryEventHandler.class);
  }
}
