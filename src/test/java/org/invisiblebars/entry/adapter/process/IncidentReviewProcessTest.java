package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.usecase.IncidentReviewProcess;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Bean;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Element;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Message;
import org.invisiblebars.entry.usecase.IncidentReviewProcess.Variable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per path through incident-review: contested and upheld, contested and dismissed, not
 * contested in time. The rules behind them (the period, who may contest, what counts in the risk)
 * are tested on the domain and through HTTP.
 */
@Deployment(resources = "processes/incident-review.bpmn")
class IncidentReviewProcessTest extends ProcessTest {

  private static final String VISIT = "6a2c2e8f-9b62-4d2f-8f1c-4b3a7d8e9f01";

  private final List<String> steps = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register(Bean.UPHOLD_UNCONTESTED, (JavaDelegate) e -> steps.add("uphold uncontested"));
  }

  @Test
  void contestedIncidentUpheldByTheDirector() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Element.CONTESTED_IN_TIME);

    contest();

    assertThat(pi).isWaitingAt(Element.DECIDE_CONTESTED_INCIDENT);
    assertThat(task(pi)).hasCandidateGroup("director");
    complete(task(pi), withVariables(Variable.INCIDENT_UPHELD, true));

    assertThat(pi)
        .isEnded()
        .hasPassedInOrder(
            Element.INCIDENT_CONTESTED, Element.DECIDE_CONTESTED_INCIDENT, Element.INCIDENT_UPHELD)
        .hasNotPassed(Element.CONTEST_PERIOD_ENDED);
    assertThat(steps).isEmpty();
  }

  @Test
  void contestedIncidentDismissedByTheDirector() {
    ProcessInstance pi = start();
    contest();

    complete(task(pi), withVariables(Variable.INCIDENT_UPHELD, false));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.INCIDENT_DISMISSED)
        .hasNotPassed(Element.INCIDENT_UPHELD);
    assertThat(steps).isEmpty();
  }

  @Test
  void incidentNotContestedInTimeIsUpheld() {
    ProcessInstance pi = start();

    execute(job(Element.CONTEST_PERIOD_ENDED, pi));

    assertThat(pi)
        .isEnded()
        .hasPassedInOrder(
            Element.CONTEST_PERIOD_ENDED,
            Element.UPHOLD_UNCONTESTED_INCIDENT,
            Element.INCIDENT_UPHELD_UNCONTESTED)
        .hasNotPassed(Element.DECIDE_CONTESTED_INCIDENT);
    assertThat(steps).containsExactly("uphold uncontested");
  }

  @Test
  void aContestAfterThePeriodFindsNoWaitingProcess() {
    ProcessInstance pi = start();
    execute(job(Element.CONTEST_PERIOD_ENDED, pi));

    assertThat(
            runtimeService()
                .createMessageCorrelation(Message.INCIDENT_CONTESTED)
                .processInstanceBusinessKey(VISIT)
                .correlateAllWithResult())
        .isEmpty();
  }

  private static void contest() {
    runtimeService()
        .createMessageCorrelation(Message.INCIDENT_CONTESTED)
        .processInstanceBusinessKey(VISIT)
        .correlate();
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            IncidentReviewProcess.KEY,
            VISIT,
            Variables.createVariables()
                .putValue(Variable.VISIT_ID, VISIT)
                .putValue(
                    Variable.CONTEST_DEADLINE, Date.from(Instant.now().plus(14, ChronoUnit.DAYS))));
  }
}
