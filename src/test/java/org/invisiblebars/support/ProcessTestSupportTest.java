package org.invisiblebars.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/**
 * Proves the process-test set-up the feature tests rely on: a model deploys on the in-memory
 * engine, delegate expressions resolve to registered mocks, and assertions read like the diagram.
 */
class ProcessTestSupportTest extends ProcessTest {

  @Test
  @Deployment(resources = "support/process-test-support.bpmn")
  void userTaskThenDelegateRunsToTheEnd() {
    List<String> recorded = new ArrayList<>();
    Mocks.register(
        "recordDelegate", (JavaDelegate) execution -> recorded.add(execution.getBusinessKey()));

    ProcessInstance pi =
        runtimeService().startProcessInstanceByKey("process-test-support", "case-1");

    assertThat(pi).isWaitingAt("Task_Review");
    assertThat(task()).hasCandidateGroup("ngo-liaison");
    complete(task());
    assertThat(pi)
        .hasPassedInOrder("StartEvent_Started", "Task_Review", "Task_Record", "EndEvent_Recorded")
        .isEnded();
    assertThat(recorded).containsExactly("case-1");
  }
}
