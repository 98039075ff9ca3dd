package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.report.usecase.ReportPublicationProcess;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Bean;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Element;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Message;
import org.invisiblebars.report.usecase.ReportPublicationProcess.Variable;
import org.invisiblebars.support.DecisionTable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paths through report-publication: nothing reaches the register before the organisation
 * consents to a redacted preview; its comments send the report back to redaction as often as
 * needed.
 */
@Deployment(resources = "processes/report-publication.bpmn")
class ReportPublicationProcessTest extends ProcessTest {

  private static final String REPORT = "0c4f1e2a-7d3b-4c5e-9f60-1a2b3c4d5e6f";

  private final List<String> published = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register(
        Bean.PUBLISH_ON_REGISTER_DELEGATE,
        (JavaDelegate)
            execution -> published.add((String) execution.getVariable(Variable.REPORT_ID)));
  }

  @Test
  void theReportIsRedactedByTheLiaisonOfficerAndPublishedOnlyOnConsent() throws Exception {
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(Element.REDACT_REPORT);
    assertThat(task()).hasCandidateGroup("ngo-liaison");
    var sla =
        DecisionTable.load("processes/sla-policy.dmn", "sla-policy")
            .evaluate(
                Variables.putValue("processKey", ReportPublicationProcess.KEY)
                    .putValue("taskKey", Element.REDACT_REPORT));
    assertThat((String) sla.get("target")).isEqualTo("P5D");
    assertThat((String) sla.get("escalationGroup"))
        .as("managers never read a report")
        .isEqualTo("director");
    complete(task());

    assertThat(pi).isWaitingAt(Element.AWAIT_CONSENT);
    assertThat(published).as("a preview is not a publication").isEmpty();
    runtimeService().correlateMessage(Message.CONSENT_GIVEN, REPORT);

    assertThat(pi)
        .isEnded()
        .hasPassedInOrder(
            Element.REDACT_REPORT,
            Element.CONSENT_GIVEN,
            Element.PUBLISH_ON_REGISTER,
            Element.REPORT_PUBLISHED);
    assertThat(published).containsExactly(REPORT);
  }

  @Test
  void theOrganisationsCommentsSendTheReportBackToRedactionUntilItConsents() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Element.REDACT_REPORT);
    complete(task());

    runtimeService().correlateMessage(Message.CHANGES_REQUESTED, REPORT);
    assertThat(pi).hasPassed(Element.CHANGES_REQUESTED).isWaitingAt(Element.REDACT_REPORT);
    assertThat(published).isEmpty();
    complete(task());
    runtimeService().correlateMessage(Message.CHANGES_REQUESTED, REPORT);
    assertThat(taskQuery().taskDefinitionKey(Element.REDACT_REPORT).count())
        .as("redacted a third time")
        .isEqualTo(1);
    complete(task());
    runtimeService().correlateMessage(Message.CONSENT_GIVEN, REPORT);

    assertThat(pi).isEnded().hasPassed(Element.REPORT_PUBLISHED);
    assertThat(published).containsExactly(REPORT);
  }

  @Test
  void withoutConsentTheReportNeverReachesTheRegister() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(Element.REDACT_REPORT);
    complete(task());

    assertThat(pi).isWaitingAt(Element.AWAIT_CONSENT).hasNotPassed(Element.PUBLISH_ON_REGISTER);
    assertThat(published).isEmpty();
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            ReportPublicationProcess.KEY,
            REPORT,
            Variables.createVariables().putValue(Variable.REPORT_ID, REPORT));
  }
}
