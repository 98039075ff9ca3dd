package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess.Element;
import org.invisiblebars.accreditation.usecase.RepresentativeVettingProcess.Variable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.Test;

/**
 * representative-vetting: one person an organisation added later waits for security's decision,
 * which ends the instance whatever it is (the outcome is kept with the accreditation, not here).
 */
@Deployment(resources = "processes/representative-vetting.bpmn")
class RepresentativeVettingProcessTest extends ProcessTest {

  private static final String ACCREDITATION = "5b0f7a52-8d1e-4c6a-9f0b-1e2d3c4b5a69";
  private static final String PERSON = "0c9d8e7f-6a5b-4c3d-2e1f-0a9b8c7d6e5f";

  @Test
  void securityClearsTheAddedRepresentative() {
    ProcessInstance vetting = start();

    assertThat(vetting).isWaitingAt(Element.VET_REPRESENTATIVE);
    assertThat(task()).hasCandidateGroup("security").hasName("Vet representative");
    assertThat(runtimeService().getVariable(vetting.getId(), Variable.REPRESENTATIVE_ID))
        .isEqualTo(PERSON);
    complete(task(), withVariables("vetting", "CLEARED", "vettingReasons", "No record"));

    assertThat(vetting)
        .hasPassedInOrder(
            Element.REPRESENTATIVE_ADDED, Element.VET_REPRESENTATIVE, Element.REPRESENTATIVE_VETTED)
        .isEnded();
  }

  @Test
  void aRefusalEndsTheVettingToo() {
    ProcessInstance vetting = start();

    assertThat(vetting).isWaitingAt(Element.VET_REPRESENTATIVE);
    complete(task(), withVariables("vetting", "REFUSED", "vettingReasons", "Incident on record"));

    assertThat(vetting).hasPassed(Element.REPRESENTATIVE_VETTED).isEnded();
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            RepresentativeVettingProcess.KEY,
            "ACC-2026-0042",
            Variables.createVariables()
                .putValue(Variable.ACCREDITATION_ID, ACCREDITATION)
                .putValue(Variable.REPRESENTATIVE_ID, PERSON));
  }
}
