package org.invisiblebars.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.exception.cmmn.CaseExecutionNotFoundException;
import org.camunda.bpm.engine.impl.ProcessEngineLogger;
import org.junit.jupiter.api.Test;

/**
 * What an engine failure means to the caller of the engine APIs, where Camunda's REST layer answers
 * 500.
 */
class EngineFailuresTest {

  private static final List<String> PATH = List.of("4711");

  @Test
  void engineExceptionsThatTellWhatHappenedHaveTheirStatus() {
    assertThat(EngineFailures.meaning(new AuthorizationException("no READ on sla-policy"), PATH))
        .contains(Status.FORBIDDEN);
    assertThat(
            EngineFailures.meaning(
                new CaseExecutionNotFoundException("case execution 4711 doesn't exist"), PATH))
        .contains(Status.NOT_FOUND);
    assertThat(EngineFailures.meaning(new NotFoundException("no deployment"), PATH))
        .contains(Status.NOT_FOUND);
    assertThat(
            EngineFailures.meaning(
                ProcessEngineLogger.CMD_LOGGER.exceptionWhenEvaluatingConditionalStartEvent(),
                PATH))
        .contains(Status.BAD_REQUEST);
    assertThat(
            EngineFailures.meaning(
                ProcessEngineLogger.CMD_LOGGER
                    .exceptionWhenEvaluatingConditionalStartEventByProcessDefinition("p"),
                PATH))
        .contains(Status.BAD_REQUEST);
    assertThat(
            EngineFailures.meaning(
                new ProcessEngineException(
                    "Execution with id '4711' does not have a subscription to a message "
                        + "event with name 'none': eventSubscriptions is empty"),
                PATH))
        .contains(Status.NOT_FOUND);
  }

  @Test
  void aNullValueIsAnObjectNotFoundOnlyWhenItNamesAnIdOfThePath() {
    NullValueException unknownTask =
        new NullValueException("No external task found with id 4711: externalTask is null");
    assertThat(EngineFailures.meaning(unknownTask, PATH)).contains(Status.NOT_FOUND);
    assertThat(EngineFailures.meaning(unknownTask, List.of("other"))).contains(Status.BAD_REQUEST);
    assertThat(EngineFailures.meaning(new NullValueException("activityId is null"), PATH))
        .contains(Status.BAD_REQUEST);
  }

  @Test
  void otherEngineFailuresStayServerErrors() {
    assertThat(
            EngineFailures.meaning(
                new ProcessEngineException(
                    "ENGINE-03004 Exception while executing Database Operation"),
                PATH))
        .isEmpty();
    assertThat(
            EngineFailures.meaning(
                new ProcessEngineException("Execution with id '4711' is suspended"), PATH))
        .isEmpty();
  }
}
