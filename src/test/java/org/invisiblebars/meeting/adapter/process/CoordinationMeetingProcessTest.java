package org.invisiblebars.meeting.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
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
import org.invisiblebars.meeting.usecase.AgreedActionProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Bean;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Element;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess.Variable;
import org.invisiblebars.support.DecisionTable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per path through coordination-meeting and the agreed-action instances it starts; the
 * delegates are mocks that do what the real ones ask of the engine (the tracking one starts an
 * agreed-action instance per recorded action, as {@code CamundaMeetingProcess} does).
 */
@Deployment(resources = {"processes/coordination-meeting.bpmn", "processes/agreed-action.bpmn"})
class CoordinationMeetingProcessTest extends ProcessTest {

  private static final String MEETING = "9a1e5b7c-2d3f-4e6a-8b9c-0d1e2f3a4b5c";

  /** The business key of the meeting and of each of its actions' instances. */
  private static final String REFERENCE = "MTG-2026-0003";

  /** The due dates of the actions recorded so far, as the forms would have given them. */
  private final List<Instant> recorded = new ArrayList<>();

  private final List<ProcessInstance> actions = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register(Bean.OPEN_MEETING_DELEGATE, (JavaDelegate) execution -> {});
    Mocks.register(
        Bean.TRACK_AGREED_ACTIONS_DELEGATE,
        (JavaDelegate)
            execution -> {
              for (int i = 0; i < recorded.size(); i++) {
                actions.add(
                    execution
                        .getProcessEngineServices()
                        .getRuntimeService()
                        .startProcessInstanceByKey(
                            AgreedActionProcess.KEY,
                            REFERENCE,
                            Variables.createVariables()
                                .putValue(
                                    AgreedActionProcess.Variable.ACTION_ID, "action-" + (i + 1))
                                .putValue(AgreedActionProcess.Variable.MEETING_ID, MEETING)
                                .putValue(
                                    AgreedActionProcess.Variable.DUE_AT,
                                    Date.from(recorded.get(i)))));
              }
            });
  }

  @Test
  void aMeetingThatAgreedNoActionEndsWithItsMinutes() {
    ProcessInstance meeting = start();

    assertThat(meeting).isWaitingAt(Element.HOLD_MEETING);
    Task hold = taskQuery().singleResult();
    assertThat(hold).hasCandidateGroup("ngo-liaison");
    complete(hold, withVariables(Variable.ACTION_TO_RECORD, false));

    assertThat(meeting)
        .isEnded()
        .hasPassedInOrder(
            Element.OPEN_MEETING,
            Element.HOLD_MEETING,
            Element.ACTION_TO_RECORD,
            Element.TRACK_AGREED_ACTIONS,
            Element.MINUTES_RECORDED)
        .hasNotPassed(Element.RECORD_AGREED_ACTION);
    assertThat(actions).isEmpty();
  }

  @Test
  void severalActionsAreRecordedOneAfterTheOtherAndEachIsTrackedOnItsOwnAfterTheMeetingEnds() {
    ProcessInstance meeting = start();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    complete(taskQuery().singleResult(), withVariables(Variable.ACTION_TO_RECORD, true));
    for (int i = 1; i <= 3; i++) {
      assertThat(meeting).isWaitingAt(Element.RECORD_AGREED_ACTION);
      assertThat(taskQuery().singleResult()).hasCandidateGroup("ngo-liaison");
      recorded.add(now.plus(10L * i, ChronoUnit.DAYS));
      complete(taskQuery().singleResult(), withVariables(Variable.ACTION_TO_RECORD, i < 3));
    }

    assertThat(meeting).isEnded().hasPassed(Element.TRACK_AGREED_ACTIONS);
    assertThat(actions).hasSize(3).allSatisfy(a -> assertThat(a).isActive());
    List<Task> open =
        taskQuery()
            .taskDefinitionKey(AgreedActionProcess.Element.RECORD_ACTION_DONE)
            .orderByDueDate()
            .asc()
            .list();
    assertThat(open)
        .as("one task per action, due on the action's date")
        .extracting(Task::getDueDate)
        .containsExactly(
            Date.from(recorded.get(0)), Date.from(recorded.get(1)), Date.from(recorded.get(2)));
    assertThat(open).allSatisfy(t -> assertThat(t).hasCandidateGroup("ngo-liaison"));
  }

  @Test
  void anActionIsDoneInTasklistOrThroughTheApiAndAnOverdueOneIsEscalatedByTheSlaPolicy()
      throws IOException {
    ProcessInstance meeting = start();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    complete(taskQuery().singleResult(), withVariables(Variable.ACTION_TO_RECORD, true));
    recorded.add(now.minus(1, ChronoUnit.DAYS));
    complete(taskQuery().singleResult(), withVariables(Variable.ACTION_TO_RECORD, true));
    recorded.add(now.plus(30, ChronoUnit.DAYS));
    complete(taskQuery().singleResult(), withVariables(Variable.ACTION_TO_RECORD, false));
    assertThat(meeting).isEnded();

    assertThat(taskQuery().dueBefore(Date.from(now)).list())
        .as("the action past its due date is overdue, the other not")
        .hasSize(1)
        .allSatisfy(
            t ->
                assertThat(runtimeService().getVariable(t.getExecutionId(), "actionId"))
                    .isEqualTo("action-1"));
    var sla =
        DecisionTable.load("processes/sla-policy.dmn", "sla-policy")
            .evaluate(
                Variables.putValue("processKey", AgreedActionProcess.KEY)
                    .putValue("taskKey", AgreedActionProcess.Element.RECORD_ACTION_DONE));
    assertThat((String) sla.get("escalationGroup"))
        .as("escalated to the director, not to the liaison officers whose task is late")
        .isEqualTo("director");

    complete(
        taskQuery()
            .processVariableValueEquals(AgreedActionProcess.Variable.ACTION_ID, "action-1")
            .singleResult());
    assertThat(actions.get(0))
        .isEnded()
        .hasPassed(AgreedActionProcess.Element.ACTION_DONE)
        .hasNotPassed(AgreedActionProcess.Element.DONE_THROUGH_API);
    assertThat(actions.get(1)).isActive();

    runtimeService()
        .createMessageCorrelation(AgreedActionProcess.Message.ACTION_DONE)
        .processInstanceVariableEquals(AgreedActionProcess.Variable.ACTION_ID, "action-2")
        .correlate();
    assertThat(actions.get(1))
        .isEnded()
        .hasPassed(
            AgreedActionProcess.Element.DONE_THROUGH_API,
            AgreedActionProcess.Element.ACTION_DONE_THROUGH_API);
    assertThat(taskQuery().count()).isZero();
  }

  @Test
  void theMeetingTasksAreEscalatedToTheDirectorWithinFiveWorkingDays() throws IOException {
    for (String task : List.of(Element.HOLD_MEETING, Element.RECORD_AGREED_ACTION)) {
      var sla =
          DecisionTable.load("processes/sla-policy.dmn", "sla-policy")
              .evaluate(
                  Variables.putValue("processKey", CoordinationMeetingProcess.KEY)
                      .putValue("taskKey", task));
      assertThat((String) sla.get("target")).as(task).isEqualTo("P5D");
      assertThat((String) sla.get("escalationGroup")).as(task).isEqualTo("director");
    }
  }

  private ProcessInstance start() {
    return runtimeService()
        .startProcessInstanceByKey(
            CoordinationMeetingProcess.KEY,
            REFERENCE,
            Variables.createVariables().putValue(Variable.MEETING_ID, MEETING));
  }
}
