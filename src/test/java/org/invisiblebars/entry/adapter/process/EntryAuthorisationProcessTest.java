package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.invisiblebars.entry.usecase.EntryProcess;
import org.invisiblebars.entry.usecase.EntryProcess.Bean;
import org.invisiblebars.entry.usecase.EntryProcess.Element;
import org.invisiblebars.entry.usecase.EntryProcess.Message;
import org.invisiblebars.entry.usecase.EntryProcess.Variable;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per path through entry-authorisation. Delegates are mocks that set the routing flags a
 * scenario needs, so only the flow is tested here; the rules behind the flags (scope, search
 * levels, briefing once, the gate) are tested on the domain and through HTTP.
 */
@Deployment(resources = "processes/entry-authorisation.bpmn")
class EntryAuthorisationProcessTest extends ProcessTest {

  private static final String VISIT = "5f1b1d7e-8a51-4c1e-9e0b-3a2f6c7d8e90";
  private static final String ALICE = "11111111-1111-1111-1111-111111111111";
  private static final String BOB = "22222222-2222-2222-2222-222222222222";

  /** The steps the delegates were asked to take, in order. */
  private final List<String> steps = new ArrayList<>();

  private boolean inScope = true;
  private boolean directorRequired;
  private String gateOutcome = "IN_PROGRESS";

  /** The gate's representatives: two people, one of them never briefed. */
  private List<String> unbriefed = List.of(BOB);

  @BeforeEach
  void registerDelegates() {
    Mocks.register(
        Bean.CHECK_SCOPE,
        (JavaDelegate)
            e -> {
              steps.add("scope");
              e.setVariable(Variable.IN_SCOPE, inScope);
            });
    Mocks.register(Bean.PROPOSE_RISK, (JavaDelegate) e -> steps.add("propose"));
    Mocks.register(
        Bean.DETERMINE_SEARCH_PROTOCOL,
        (JavaDelegate)
            e -> {
              steps.add("protocol");
              e.setVariable(Variable.DIRECTOR_AUTHORISATION_REQUIRED, directorRequired);
              e.setVariable(Variable.VISIT_AUTHORISED, !directorRequired);
            });
    Mocks.register(Bean.ISSUE_SEARCH_NOTICE, (JavaDelegate) e -> steps.add("notice"));
    Mocks.register(Bean.ESCALATE, (JavaDelegate) e -> steps.add("escalate"));
    Mocks.register(Bean.EXPIRE, (JavaDelegate) e -> steps.add("expire"));
    Mocks.register(
        Bean.CLOSE_GATE,
        (JavaDelegate)
            e -> {
              steps.add("close gate");
              e.setVariable(Variable.GATE_OUTCOME, gateOutcome);
            });
    Mocks.register(
        Bean.LIST_VISITORS,
        (JavaDelegate)
            e -> {
              MultiInstanceItems.hand(e, Variable.UNBRIEFED_REPRESENTATIVE_IDS, unbriefed);
              MultiInstanceItems.hand(e, Variable.REPRESENTATIVE_IDS, List.of(ALICE, BOB));
            });
  }

  @Test
  void visitOutOfScopeIsRejected() {
    inScope = false;
    ProcessInstance pi = start(false, true);

    assertThat(pi).isEnded().hasPassed(Element.CHECK_SCOPE, Element.VISIT_REJECTED);
    assertThat(steps).containsExactly("scope");
  }

  @Test
  void lowRiskNgoVisitGoesFromRequestToCheckOut() {
    ProcessInstance pi = start(false, true);

    assertThat(pi).isWaitingAt(Element.ASSESS_VISIT_RISK);
    assertThat(task(pi)).hasCandidateGroup("security");
    complete(task(pi));

    assertThat(pi).isWaitingAt(Element.SCHEDULE_VISIT);
    assertThat(task(pi)).hasCandidateGroup("ngo-liaison");
    complete(task(pi));

    assertThat(pi).isWaitingAt(Element.GATE_OPENS);
    execute(job(Element.GATE_OPENS, pi));

    assertThat(pi).isWaitingAt(Element.HOLD_SECURITY_BRIEFING);
    assertThat(taskQuery().taskDefinitionKey(Element.HOLD_SECURITY_BRIEFING).list()).hasSize(1);
    completeAll(Element.HOLD_SECURITY_BRIEFING);

    assertThat(taskQuery().taskDefinitionKey(Element.CHECK_IN_VISITOR).list())
        .hasSize(2)
        .allSatisfy(t -> assertThat(t).hasCandidateGroup("security"));
    completeAll(Element.CHECK_IN_VISITOR);

    assertThat(pi).isWaitingAt(Element.CHECK_OUT_VISITORS);
    complete(task(pi));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.VISIT_COMPLETED)
        .hasNotPassed(Element.AUTHORISE_VISIT);
    assertThat(steps).containsExactly("scope", "propose", "protocol", "notice", "close gate");
  }

  @Test
  void highRiskVisitNeedsDirectorAuthorisation() {
    directorRequired = true;
    ProcessInstance pi = start(false, true);
    complete(task(pi));

    assertThat(pi).isWaitingAt(Element.AUTHORISE_VISIT);
    assertThat(task(pi)).hasCandidateGroup("director");
    complete(task(pi), withVariables(Variable.VISIT_AUTHORISED, true));

    assertThat(pi).isWaitingAt(Element.SCHEDULE_VISIT);
  }

  @Test
  void directorDeniesVisit() {
    directorRequired = true;
    ProcessInstance pi = start(false, true);
    complete(task(pi));
    complete(task(pi), withVariables(Variable.VISIT_AUTHORISED, false));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.AUTHORISATION_DENIED, Element.VISIT_DENIED)
        .hasNotPassed(Element.SCHEDULE_VISIT);
  }

  @Test
  void unannouncedFormalVisitIsAuthorisedWithConditionsAndOpensTheGateAtOnce() {
    directorRequired = true;
    ProcessInstance pi = start(true, false);
    complete(task(pi));

    assertThat(pi).isWaitingAt(Element.AUTHORISE_VISIT);
    complete(task(pi), withVariables(Variable.VISIT_AUTHORISED, true));
    complete(task(pi));

    // the gate of an unannounced visit opens when it is registered: the timer is already due
    assertThat(job(Element.GATE_OPENS, pi).getDuedate()).isBeforeOrEqualTo(new Date());
    execute(job(Element.GATE_OPENS, pi));
    assertThat(pi).isWaitingAt(Element.HOLD_SECURITY_BRIEFING);
  }

  @Test
  void representativesBriefedBeforeAreNotBriefedAgain() {
    unbriefed = List.of();
    ProcessInstance pi = reachTheGate();

    assertThat(pi).isWaitingAt(Element.CHECK_IN_VISITOR);
    assertThat(taskQuery().taskDefinitionKey(Element.HOLD_SECURITY_BRIEFING).count()).isZero();
    completeAll(Element.CHECK_IN_VISITOR);
    assertThat(pi).isWaitingAt(Element.CHECK_OUT_VISITORS);
  }

  @Test
  void everyoneRefusingTheSearchMeansNoEntry() {
    gateOutcome = "NO_ENTRY";
    ProcessInstance pi = reachTheGate();
    completeAll(Element.HOLD_SECURITY_BRIEFING);
    completeAll(Element.CHECK_IN_VISITOR);

    assertThat(pi).isEnded().hasPassed(Element.NO_ENTRY).hasNotPassed(Element.CHECK_OUT_VISITORS);
  }

  @Test
  void visitExpiresWhenNobodyChecksInBeforeTheWindowEnds() {
    gateOutcome = "EXPIRED";
    ProcessInstance pi = reachTheGate();

    execute(job(Element.WINDOW_PASSED, pi));

    assertThat(pi).isEnded().hasPassed(Element.CLOSE_GATE, Element.VISIT_EXPIRED);
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  void undecidedVisitIsEscalatedToTheDirector48HoursBefore() {
    ProcessInstance pi = start(false, true);
    assertThat(pi).isWaitingAt(Element.ASSESS_VISIT_RISK);

    execute(job(Element.DECISION_OVERDUE, pi));

    assertThat(steps).contains("escalate");
    assertThat(pi)
        .hasPassed(Element.ESCALATE_VISIT_DECISION)
        .isWaitingAt(Element.ASSESS_VISIT_RISK);
  }

  @Test
  void visitExpiresWhenTheWindowPassesUndecided() {
    ProcessInstance pi = start(false, true);

    execute(job(Element.WINDOW_PASSED_UNDECIDED, pi));

    assertThat(pi).isEnded().hasPassed(Element.VISIT_EXPIRED_UNDECIDED);
    assertThat(steps).contains("expire");
  }

  @Test
  void cancellationOrRevocationEndsAPendingVisit() {
    ProcessInstance pi = reachTheGate();

    runtimeService()
        .createMessageCorrelation(Message.VISIT_CANCELLED)
        .processInstanceBusinessKey(VISIT)
        .correlateAll();

    assertThat(pi).isEnded().hasPassed(Element.VISIT_CANCELLED);
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  void securityIsAlertedWhenVisitorsAreNotCheckedOutAnHourAfterTheWindow() {
    ProcessInstance pi = reachTheGate();
    completeAll(Element.HOLD_SECURITY_BRIEFING);
    completeAll(Element.CHECK_IN_VISITOR);

    execute(job(Element.CHECK_OUT_OVERDUE, pi));

    assertThat(pi).isWaitingAt(Element.CHECK_OUT_VISITORS, Element.ACCOUNT_FOR_VISITORS);
    Task alert = taskQuery().taskDefinitionKey(Element.ACCOUNT_FOR_VISITORS).singleResult();
    assertThat(alert).hasCandidateGroup("security");
    complete(alert);
    complete(taskQuery().taskDefinitionKey(Element.CHECK_OUT_VISITORS).singleResult());
    assertThat(pi).isEnded().hasPassed(Element.VISITORS_ACCOUNTED_FOR, Element.VISIT_COMPLETED);
  }

  private ProcessInstance reachTheGate() {
    ProcessInstance pi = start(false, true);
    complete(task(pi));
    complete(task(pi));
    execute(job(Element.GATE_OPENS, pi));
    return pi;
  }

  private ProcessInstance start(boolean formal, boolean announced) {
    Instant now = Instant.now();
    Instant windowStart = announced ? now.plus(5, ChronoUnit.DAYS) : now;
    Instant windowEnd = windowStart.plus(4, ChronoUnit.HOURS);
    return runtimeService()
        .startProcessInstanceByKey(
            EntryProcess.KEY,
            VISIT,
            Variables.createVariables()
                .putValue(Variable.VISIT_ID, VISIT)
                .putValue(Variable.FORMAL_MANDATE, formal)
                .putValue(Variable.ANNOUNCED, announced)
                .putValue(
                    Variable.ESCALATE_AT,
                    Date.from(
                        announced
                            ? windowStart.minus(48, ChronoUnit.HOURS)
                            : now.plus(1, ChronoUnit.HOURS)))
                .putValue(
                    Variable.GATE_OPENS_AT,
                    Date.from(
                        announced ? windowStart.minus(2, ChronoUnit.HOURS) : now.minusSeconds(1)))
                .putValue(Variable.WINDOW_ENDS_AT, Date.from(windowEnd))
                .putValue(
                    Variable.CHECK_OUT_ALERT_AT, Date.from(windowEnd.plus(1, ChronoUnit.HOURS))));
  }

  private static void completeAll(String taskKey) {
    for (Task task : taskQuery().taskDefinitionKey(taskKey).list()) {
      complete(task);
    }
  }
}
