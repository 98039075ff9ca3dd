package org.invisiblebars.entry.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.camunda.bpm.engine.runtime.Job;
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
import org.invisiblebars.platform.validation.ConflictException;
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

  /** Whether the visit's use case cancelled the visit the cancellation message is about. */
  private boolean cancelledByTheUseCase = true;

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
    Mocks.register(Bean.ADMIT_BY_RIGHT, (JavaDelegate) e -> steps.add("admit by right"));
    Mocks.register(
        Bean.CONFIRM_CANCELLATION,
        (JavaDelegate)
            e -> {
              if (!cancelledByTheUseCase) {
                throw new ConflictException("visit was not cancelled");
              }
              steps.add("cancelled");
            });
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
  void unannouncedFormalVisitGoesStraightToTheGateAndTheDirectorIsTold() {
    ProcessInstance pi = start(true, false);

    assertThat(pi)
        .hasPassed(Element.ADMIT_BY_RIGHT)
        .hasNotPassed(
            Element.PROPOSE_VISIT_RISK,
            Element.ASSESS_VISIT_RISK,
            Element.AUTHORISE_VISIT,
            Element.SCHEDULE_VISIT,
            Element.GATE_OPENS)
        .isWaitingAt(Element.HOLD_SECURITY_BRIEFING, Element.NOTE_MONITOR_VISIT);
    Task note = taskQuery().taskDefinitionKey(Element.NOTE_MONITOR_VISIT).singleResult();
    assertThat(note).hasCandidateGroup("director");
    assertThat(taskQuery().taskDefinitionKey(Element.HOLD_SECURITY_BRIEFING).list())
        .as("only the monitor never briefed")
        .hasSize(1)
        .allSatisfy(t -> assertThat(t).hasCandidateGroup("security"));

    // entry never waits for the director
    completeAll(Element.HOLD_SECURITY_BRIEFING);
    completeAll(Element.CHECK_IN_VISITOR);
    assertThat(pi).isWaitingAt(Element.CHECK_OUT_VISITORS, Element.NOTE_MONITOR_VISIT);
    complete(task(Element.CHECK_OUT_VISITORS, pi));
    assertThat(pi).hasPassed(Element.VISIT_COMPLETED).isWaitingAt(Element.NOTE_MONITOR_VISIT);

    complete(task(Element.NOTE_MONITOR_VISIT, pi));
    assertThat(pi).isEnded().hasPassed(Element.MONITOR_VISIT_NOTED);
    assertThat(steps).containsExactly("scope", "admit by right", "close gate");
  }

  @Test
  void unannouncedMonitorsBriefedBeforeAreCheckedInAtOnce() {
    unbriefed = List.of();
    ProcessInstance pi = start(true, false);

    assertThat(pi).isWaitingAt(Element.CHECK_IN_VISITOR, Element.NOTE_MONITOR_VISIT);
    assertThat(taskQuery().taskDefinitionKey(Element.HOLD_SECURITY_BRIEFING).count()).isZero();
    assertThat(taskQuery().taskDefinitionKey(Element.CHECK_IN_VISITOR).count()).isEqualTo(2);
  }

  @Test
  void theDirectorsInformationEndsWithTheWindowIfNobodyNotesIt() {
    ProcessInstance pi = start(true, false);
    Job windowOver = job(Element.VISIT_WINDOW_OVER, pi);
    assertThat(windowOver.getDuedate())
        .isEqualTo(runtimeService().getVariable(pi.getId(), Variable.WINDOW_ENDS_AT));
    assertThat(task(Element.NOTE_MONITOR_VISIT, pi).getDueDate())
        .as("due when it ends, never before it is created")
        .isEqualTo(windowOver.getDuedate())
        .isAfter(task(Element.NOTE_MONITOR_VISIT, pi).getCreateTime());

    execute(windowOver);

    assertThat(pi)
        .hasPassed(Element.NOTE_LAPSED)
        .hasNotPassed(Element.MONITOR_VISIT_NOTED)
        .isWaitingAt(Element.HOLD_SECURITY_BRIEFING);
  }

  @Test
  void announcedFormalVisitStillUndecidedWhenTheGateOpensGoesToTheGate() {
    ProcessInstance pi = start(true, true);
    assertThat(pi).isWaitingAt(Element.ASSESS_VISIT_RISK);
    assertThat(job(Element.UNDECIDED, pi).getDuedate())
        .as("a formal monitor waits no longer than the gate's opening")
        .isEqualTo(runtimeService().getVariable(pi.getId(), Variable.GATE_OPENS_AT));

    execute(job(Element.UNDECIDED, pi));

    assertThat(pi)
        .hasPassed(Element.FORMAL_MONITOR, Element.ADMIT_BY_RIGHT)
        .hasNotPassed(Element.EXPIRE_VISIT, Element.VISIT_EXPIRED_UNDECIDED)
        .isWaitingAt(Element.HOLD_SECURITY_BRIEFING, Element.NOTE_MONITOR_VISIT);
    assertThat(taskQuery().taskDefinitionKey(Element.ASSESS_VISIT_RISK).count())
        .as("the open risk assessment ended")
        .isZero();
    assertThat(steps).containsExactly("scope", "propose", "admit by right");
  }

  @Test
  void formalVisitAuthorisedButNeverScheduledGoesToTheGate() {
    ProcessInstance pi = start(true, true);
    complete(task(pi));
    assertThat(pi).isWaitingAt(Element.SCHEDULE_VISIT);

    execute(job(Element.UNDECIDED, pi));

    assertThat(pi)
        .hasPassed(Element.ADMIT_BY_RIGHT)
        .hasNotPassed(Element.ISSUE_SEARCH_NOTICE, Element.VISIT_EXPIRED_UNDECIDED)
        .isWaitingAt(Element.HOLD_SECURITY_BRIEFING, Element.NOTE_MONITOR_VISIT);
    assertThat(taskQuery().taskDefinitionKey(Element.SCHEDULE_VISIT).count()).isZero();
    completeAll(Element.HOLD_SECURITY_BRIEFING);
    completeAll(Element.CHECK_IN_VISITOR);
    assertThat(pi).isWaitingAt(Element.CHECK_OUT_VISITORS, Element.NOTE_MONITOR_VISIT);
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
  void ngoVisitExpiresWhenTheWindowPassesUndecided() {
    ProcessInstance pi = start(false, true);
    assertThat(job(Element.UNDECIDED, pi).getDuedate())
        .as("an NGO visit may still be decided until its window passes")
        .isEqualTo(runtimeService().getVariable(pi.getId(), Variable.WINDOW_ENDS_AT));

    execute(job(Element.UNDECIDED, pi));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.EXPIRE_VISIT, Element.VISIT_EXPIRED_UNDECIDED)
        .hasNotPassed(Element.ADMIT_BY_RIGHT, Element.NOTE_MONITOR_VISIT);
    assertThat(steps).contains("expire");
  }

  @Test
  void cancellationOrRevocationEndsAPendingVisit() {
    ProcessInstance pi = reachTheGate();

    runtimeService()
        .createMessageCorrelation(Message.VISIT_CANCELLED)
        .processInstanceBusinessKey(VISIT)
        .correlateAll();

    assertThat(pi).isEnded().hasPassed(Element.CONFIRM_CANCELLATION, Element.VISIT_CANCELLED);
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  void aCancellationMessageTheVisitDidNotMakeIsRefusedAndTheVisitGoesOn() {
    cancelledByTheUseCase = false;
    ProcessInstance pi = start(true, true);

    assertThatThrownBy(
            () ->
                runtimeService()
                    .createMessageCorrelation(Message.VISIT_CANCELLED)
                    .processInstanceBusinessKey(VISIT)
                    .correlateAll())
        .isInstanceOf(ConflictException.class);

    assertThat(pi).isNotEnded().isWaitingAt(Element.ASSESS_VISIT_RISK);
    assertThat(steps).doesNotContain("cancelled");
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
