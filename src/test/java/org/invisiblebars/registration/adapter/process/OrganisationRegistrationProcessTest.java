package org.invisiblebars.registration.adapter.process;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.registration.usecase.RegistrationProcess;
import org.invisiblebars.registration.usecase.RegistrationProcess.Element;
import org.invisiblebars.registration.usecase.RegistrationProcess.Variable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.Test;

/**
 * One test per path through organisation-registration: a verified request approved by a liaison
 * officer, and one rejected. What approval creates, the reasons required for a rejection and the
 * links are tested through HTTP (RegistrationIT).
 */
@Deployment(resources = "processes/organisation-registration.bpmn")
class OrganisationRegistrationProcessTest extends ProcessTest {

  private static final String REQUEST = "4f1d2c3b-8a7e-4d6f-9c5b-2a1e0f9d8c7b";

  @Test
  void verifiedRequestApprovedByALiaisonOfficer() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Element.REVIEW_ORGANISATION_REGISTRATION);
    assertThat(task(pi))
        .hasCandidateGroup("ngo-liaison")
        .hasName("Review organisation registration");

    complete(task(pi), withVariables(Variable.REGISTRATION_APPROVED, true));

    assertThat(pi)
        .isEnded()
        .hasPassedInOrder(
            Element.REGISTRATION_VERIFIED,
            Element.REVIEW_ORGANISATION_REGISTRATION,
            Element.REGISTRATION_APPROVED,
            Element.ORGANISATION_REGISTERED)
        .hasNotPassed(Element.REGISTRATION_REJECTED);
  }

  @Test
  void verifiedRequestRejectedByALiaisonOfficer() {
    ProcessInstance pi = start();

    complete(task(pi), withVariables(Variable.REGISTRATION_APPROVED, false));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.REGISTRATION_REJECTED)
        .hasNotPassed(Element.ORGANISATION_REGISTERED);
  }

  private static ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            RegistrationProcess.KEY,
            "REG-2026-0001",
            Variables.createVariables().putValue(Variable.REGISTRATION_ID, REQUEST));
  }
}
