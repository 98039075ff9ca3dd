package org.invisiblebars.report.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.invisiblebars.meeting.usecase.CoordinationMeetingProcess;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.invisiblebars.report.usecase.ReportReviewProcess;
import org.invisiblebars.report.usecase.ReportReviewProcess.Bean;
import org.invisiblebars.report.usecase.ReportReviewProcess.Element;
import org.invisiblebars.report.usecase.ReportReviewProcess.Message;
import org.invisiblebars.report.usecase.ReportReviewProcess.Variable;
import org.invisiblebars.support.DecisionTable;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per path through report-review, with the coordination meeting it calls; delegates are
 * mocks, so only the flow is tested. Every end of the review passes the release and no step of this
 * model publishes: publication is the organisation's own request (report-publication).
 */
@Deployment(resources = {"processes/report-review.bpmn", "processes/coordination-meeting.bpmn"})
class ReportReviewProcessTest extends ProcessTest {

  private static final String REPORT = "5b7e1c1a-8f3e-4a8e-b5a4-0c2f3e9d7a11";
  private static final String REFERENCE = "REP-2026-0001";
  private static final String MEETING = "0d4f8a2e-33c1-4f7e-9d61-5a0b7c2e9f10";
  private static final Instant PERIOD_ENDS =
      Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

  /** The report's recommendations: one assignment and one answer task each. */
  private static final List<String> RECOMMENDATIONS = List.of("rec-1", "rec-2", "rec-3");

  /** What the mocked release delegate answers: did the authorities engage? */
  private boolean engaged;

  /** The recommendations accepted in whole or part. */
  private List<String> followUps = List.of();

  private final List<String> services = new ArrayList<>();

  /** The meetings whose agreed actions the mocked delegate was asked to track. */
  private final List<Object> tracked = new ArrayList<>();

  @BeforeEach
  void registerDelegates() {
    Mocks.register(
        CoordinationMeetingProcess.Bean.OPEN_MEETING_DELEGATE,
        (JavaDelegate)
            execution ->
                execution.setVariable(CoordinationMeetingProcess.Variable.MEETING_ID, MEETING));
    Mocks.register(
        CoordinationMeetingProcess.Bean.TRACK_AGREED_ACTIONS_DELEGATE,
        (JavaDelegate)
            execution ->
                tracked.add(execution.getVariable(CoordinationMeetingProcess.Variable.MEETING_ID)));
    Mocks.register(
        Bean.RELEASE_DELEGATE,
        (JavaDelegate)
            execution -> {
              services.add(engaged ? "RELEASED_WITH_RESPONSE" : "RELEASED");
              execution.setVariable(Variable.ENGAGED, engaged);
            });
    Mocks.register(
        Bean.SCHEDULE_FOLLOW_UP_DELEGATE,
        (JavaDelegate)
            execution ->
                execution.setVariable(
                    Variable.FOLLOW_UP_AT, Date.from(PERIOD_ENDS.plus(90, ChronoUnit.DAYS))));
    Mocks.register(
        Bean.CLOSE_FOLLOW_UP_DELEGATE,
        (JavaDelegate) execution -> services.add("FOLLOW_UP_CLOSED"));
    Mocks.register(
        Bean.LIST_RECOMMENDATIONS_DELEGATE,
        (JavaDelegate)
            execution ->
                MultiInstanceItems.hand(execution, Variable.RECOMMENDATION_IDS, RECOMMENDATIONS));
    Mocks.register(
        Bean.LIST_FOLLOW_UPS_DELEGATE,
        (JavaDelegate)
            execution -> MultiInstanceItems.hand(execution, Variable.FOLLOW_UP_IDS, followUps));
  }

  @Test
  void engagedAuthoritiesSeeTheReportReleasedWithTheirResponseAndNothingPublished() {
    ProcessInstance pi = start(false);
    engaged = true;

    reviewUpToThePlan(pi);
    assertThat(pi).isWaitingAt(Element.AWAIT_END_OF_PERIOD);
    assertThat(taskQuery().count()).as("the response is in; only the period runs").isZero();
    endThePeriod();

    assertThat(pi)
        .isEnded()
        .hasPassedInOrder(
            Element.ACKNOWLEDGE_REPORT,
            Element.HOLD_COORDINATION_MEETING,
            Element.ANSWER_RECOMMENDATION,
            Element.PREPARE_PLAN_OF_ACTION,
            Element.REVIEW_PERIOD_ENDED,
            Element.RELEASE_REPORT,
            Element.CLOSE_FOLLOW_UP);
    assertThat(pi).hasPassed(Element.NO_ALLEGATION, Element.FOLLOW_UP_CLOSED);
    assertThat(services).containsExactly("RELEASED_WITH_RESPONSE", "FOLLOW_UP_CLOSED");
  }

  @Test
  void authoritiesThatDidNotEngageSeeTheReportReleased() {
    ProcessInstance pi = start(false);

    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE_REPORT, Element.AWAIT_END_OF_PERIOD);
    completeEach(Element.ACKNOWLEDGE_REPORT);
    assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);
    endThePeriod();

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.REVIEW_PERIOD_ENDED, Element.RELEASE_REPORT, Element.REPORT_RELEASED)
        .hasNotPassed(Element.FOLLOW_UP);
    assertThat(taskQuery().count()).as("open review tasks end with the period").isZero();
    assertThat(services).containsExactly("RELEASED");
  }

  @Test
  void theReviewGoesOnOnceTheMeetingsMinutesAndActionsAreRecordedNotWhenTheActionsAreDone() {
    ProcessInstance pi = start(false);
    completeEach(Element.ACKNOWLEDGE_REPORT);
    assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);

    ProcessInstance meeting =
        runtimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(CoordinationMeetingProcess.KEY)
            .singleResult();
    assertThat(meeting.getBusinessKey()).as("Tasklist names the report").isEqualTo(REFERENCE);
    assertThat(runtimeService().getVariable(meeting.getId(), Variable.REPORT_ID)).isEqualTo(REPORT);
    assertThat(runtimeService().getVariables(pi.getId()))
        .as("the meeting's variables stay in the meeting")
        .doesNotContainKeys(
            CoordinationMeetingProcess.Variable.MEETING_ID,
            CoordinationMeetingProcess.Variable.ACTION_TO_RECORD);
    complete(
        taskQuery()
            .taskDefinitionKey(CoordinationMeetingProcess.Element.HOLD_MEETING)
            .singleResult(),
        withVariables(CoordinationMeetingProcess.Variable.ACTION_TO_RECORD, true));
    for (boolean another : List.of(true, false)) {
      assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);
      complete(
          taskQuery()
              .taskDefinitionKey(CoordinationMeetingProcess.Element.RECORD_AGREED_ACTION)
              .singleResult(),
          withVariables(CoordinationMeetingProcess.Variable.ACTION_TO_RECORD, another));
    }

    assertThat(meeting)
        .isEnded()
        .hasPassed(
            CoordinationMeetingProcess.Element.TRACK_AGREED_ACTIONS,
            CoordinationMeetingProcess.Element.MINUTES_RECORDED);
    assertThat(tracked).as("the actions are tracked on their own").containsExactly(MEETING);
    assertThat(pi)
        .hasPassed(Element.HOLD_COORDINATION_MEETING)
        .isWaitingAt(Element.ANSWER_RECOMMENDATION, Element.AWAIT_END_OF_PERIOD);
  }

  @Test
  void agreedExtensionMovesTheEndOfThePeriod() {
    ProcessInstance pi = start(false);
    Instant extended = PERIOD_ENDS.plus(30, ChronoUnit.DAYS);

    assertThat(periodTimer().getDuedate()).isEqualTo(Date.from(PERIOD_ENDS));
    runtimeService()
        .createMessageCorrelation(Message.EXTENSION_AGREED)
        .processInstanceBusinessKey(REPORT)
        .setVariable(Variable.REVIEW_ENDS_AT, Date.from(extended))
        .correlate();

    assertThat(pi)
        .hasPassed(Element.EXTENSION_AGREED)
        .isWaitingAt(Element.AWAIT_END_OF_PERIOD, Element.ACKNOWLEDGE_REPORT);
    assertThat(periodTimer().getDuedate())
        .as("the timer follows the agreed date")
        .isEqualTo(Date.from(extended));
    endThePeriod();
    assertThat(pi).isEnded().hasPassed(Element.REPORT_RELEASED);
  }

  @Test
  void directorAskingForMoreTimeGetsThePlanOfActionBack() {
    ProcessInstance pi = start(false);
    completeEach(Element.ACKNOWLEDGE_REPORT);
    assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);
    holdMeeting();
    completeEach(Element.ANSWER_RECOMMENDATION);
    assertThat(pi).isWaitingAt(Element.PREPARE_PLAN_OF_ACTION);

    complete(task(), withVariables(Variable.MORE_TIME_ASKED, true));

    assertThat(pi)
        .hasPassed(Element.MORE_TIME_ASKED)
        .hasNotPassed(Element.PLAN_SUBMITTED)
        .isWaitingAt(Element.PREPARE_PLAN_OF_ACTION);
    assertThat(taskQuery().taskDefinitionKey(Element.ANSWER_RECOMMENDATION).count())
        .as("the answers stay given")
        .isZero();
    complete(task(), withVariables(Variable.MORE_TIME_ASKED, false));
    assertThat(pi).hasPassed(Element.PLAN_SUBMITTED).isWaitingAt(Element.AWAIT_END_OF_PERIOD);
  }

  @Test
  void everyRecommendationIsAssignedAndAnsweredInATaskOfItsOwnWithItsOwnDueDate()
      throws IOException {
    ProcessInstance pi = start(false);

    List<Task> assignments = taskQuery().taskDefinitionKey(Element.ACKNOWLEDGE_REPORT).list();
    assertThat(assignments)
        .hasSize(RECOMMENDATIONS.size())
        .allSatisfy(t -> assertThat(t).hasCandidateGroup("director"));
    assertThat(assignments)
        .extracting(
            t -> runtimeService().getVariable(t.getExecutionId(), Variable.RECOMMENDATION_ID))
        .containsExactlyInAnyOrderElementsOf(RECOMMENDATIONS);
    complete(assignments.get(0));
    assertThat(pi)
        .as("the meeting waits for every assignment")
        .isWaitingAt(Element.ACKNOWLEDGE_REPORT);
    assignments.subList(1, assignments.size()).forEach(t -> complete(t));
    holdMeeting();

    List<Task> answers = taskQuery().taskDefinitionKey(Element.ANSWER_RECOMMENDATION).list();
    assertThat(answers)
        .hasSize(RECOMMENDATIONS.size())
        .allSatisfy(t -> assertThat(t).hasCandidateGroup("director"));
    assertThat(answers)
        .extracting(
            t -> runtimeService().getVariable(t.getExecutionId(), Variable.RECOMMENDATION_ID))
        .containsExactlyInAnyOrderElementsOf(RECOMMENDATIONS);
    var sla =
        DecisionTable.load("processes/sla-policy.dmn", "sla-policy")
            .evaluate(
                Variables.putValue("processKey", ReportReviewProcess.KEY)
                    .putValue("taskKey", Element.ANSWER_RECOMMENDATION));
    assertThat((String) sla.get("target"))
        .as("each answer task has the plan's due date")
        .isEqualTo("P5D");
    answers.subList(0, 2).forEach(t -> complete(t));
    assertThat(pi).as("the plan waits for every answer").isWaitingAt(Element.ANSWER_RECOMMENDATION);
    complete(answers.get(2));
    assertThat(pi).isWaitingAt(Element.PREPARE_PLAN_OF_ACTION);
  }

  @Test
  void waiverGivenWithThePlanEndsTheConfidentialReviewInTheSameInstance() {
    ProcessInstance pi = start(false);
    engaged = true;
    completeEach(Element.ACKNOWLEDGE_REPORT);
    assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);
    holdMeeting();
    completeEach(Element.ANSWER_RECOMMENDATION);

    complete(task(), withVariables(Variable.CONFIDENTIALITY_WAIVED, true));

    assertThat(pi)
        .isEnded()
        .hasPassed(
            Element.WAIVED_WITH_PLAN, Element.RELEASED_EARLY_WITH_PLAN, Element.RELEASE_REPORT)
        .hasNotPassed(
            Element.PLAN_SUBMITTED, Element.REVIEW_PERIOD_ENDED, Element.CONFIDENTIALITY_WAIVED);
    assertThat(jobQuery().count()).as("no timer is left").isZero();
    assertThat(services).containsExactly("RELEASED_WITH_RESPONSE", "FOLLOW_UP_CLOSED");
  }

  @Test
  void refusedExtensionLeavesThePeriodAsItWas() {
    ProcessInstance pi = start(false);
    engaged = true;

    // A refusal is only recorded for the NGO: no message reaches the process, the timer stays.
    reviewUpToThePlan(pi);
    assertThat(periodTimer().getDuedate()).isEqualTo(Date.from(PERIOD_ENDS));
    assertThat(pi).hasNotPassed(Element.EXTENSION_AGREED);
    endThePeriod();
    assertThat(pi).isEnded().hasPassed(Element.RELEASE_REPORT, Element.FOLLOW_UP_CLOSED);
  }

  @Test
  void directorWaiverReleasesBeforeThePeriodEnds() {
    ProcessInstance pi = start(false);
    engaged = true;

    reviewUpToThePlan(pi);
    runtimeService().correlateMessage(Message.CONFIDENTIALITY_WAIVED, REPORT);

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.CONFIDENTIALITY_WAIVED, Element.RELEASE_REPORT)
        .hasNotPassed(Element.REVIEW_PERIOD_ENDED);
    assertThat(jobQuery().count()).as("no timer is left").isZero();
    assertThat(services).containsExactly("RELEASED_WITH_RESPONSE", "FOLLOW_UP_CLOSED");
  }

  @Test
  void allegationIsReferredByTheOversightBodyWithin24HoursWhileTheReviewGoesOn()
      throws IOException {
    ProcessInstance pi = start(true);

    assertThat(pi)
        .isWaitingAt(
            Element.REFER_ALLEGATION, Element.ACKNOWLEDGE_REPORT, Element.AWAIT_END_OF_PERIOD);
    var referral = taskQuery().taskDefinitionKey(Element.REFER_ALLEGATION).singleResult();
    assertThat(referral).hasCandidateGroup("oversight");
    assertThat(taskService().getIdentityLinksForTask(referral.getId()))
        .as("outside the prison's chain: the director, who may be implicated, is no candidate")
        .extracting(IdentityLink::getGroupId)
        .containsExactly("oversight");
    var sla =
        DecisionTable.load("processes/sla-policy.dmn", "sla-policy")
            .evaluate(
                Variables.putValue("processKey", ReportReviewProcess.KEY)
                    .putValue("taskKey", Element.REFER_ALLEGATION));
    assertThat((String) sla.get("target")).as("SLA of the referral").isEqualTo("PT24H");
    assertThat((Boolean) sla.get("workingDays")).isFalse();
    assertThat((String) sla.get("escalationGroup"))
        .as("escalated within the oversight body, never to the facility")
        .isEqualTo("oversight-head");
    complete(referral);

    assertThat(pi)
        .hasPassed(Element.ALLEGATION_REFERRED)
        .isWaitingAt(Element.ACKNOWLEDGE_REPORT, Element.AWAIT_END_OF_PERIOD);
  }

  @Test
  void acceptedRecommendationsAreFollowedUpUntilEachIsClosed() {
    followUps = List.of("rec-1", "rec-2");
    ProcessInstance pi = start(false);
    engaged = true;
    reviewUpToThePlan(pi);
    endThePeriod();

    assertThat(pi).isWaitingAt(Element.FOLLOW_UP_DUE);
    assertThat(jobQuery().activityId(Element.FOLLOW_UP_DUE).count())
        .as("one follow-up per accepted recommendation")
        .isEqualTo(2);
    jobQuery().activityId(Element.FOLLOW_UP_DUE).list().forEach(job -> execute(job));
    List<Task> due = taskQuery().taskDefinitionKey(Element.RECORD_FOLLOW_UP).list();
    assertThat(due).hasSize(2).allSatisfy(t -> assertThat(t).hasCandidateGroup("ngo-liaison"));

    // In progress with a new deadline: the recommendation is scheduled again.
    complete(due.get(0), withVariables(Variable.FOLLOW_UP_CLOSED, false));
    complete(due.get(1), withVariables(Variable.FOLLOW_UP_CLOSED, true));
    assertThat(jobQuery().activityId(Element.FOLLOW_UP_DUE).count())
        .as("only the one in progress waits")
        .isEqualTo(1);
    assertThat(taskQuery().count()).isZero();
    execute(jobQuery().activityId(Element.FOLLOW_UP_DUE).singleResult());
    complete(
        taskQuery().taskDefinitionKey(Element.RECORD_FOLLOW_UP).singleResult(),
        withVariables(Variable.FOLLOW_UP_CLOSED, true));

    assertThat(pi)
        .isEnded()
        .hasPassed(
            Element.RECOMMENDATION_CLOSED, Element.CLOSE_FOLLOW_UP, Element.FOLLOW_UP_CLOSED);
    assertThat(services).containsExactly("RELEASED_WITH_RESPONSE", "FOLLOW_UP_CLOSED");
  }

  @Test
  void noStepOfTheReviewPublishesTheReport() {
    var model =
        repositoryService()
            .getBpmnModelInstance(
                repositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(ReportReviewProcess.KEY)
                    .singleResult()
                    .getId());
    assertThat(
            model.getModelElementsByType(ServiceTask.class).stream()
                .map(ServiceTask::getCamundaDelegateExpression)
                .toList())
        .as("the review calls the release, never a publication")
        .contains("${" + Bean.RELEASE_DELEGATE + "}")
        .noneMatch(expression -> expression.toLowerCase().contains("publish"));
  }

  private ProcessInstance start(boolean allegation) {
    return runtimeService()
        .startProcessInstanceByKey(
            ReportReviewProcess.KEY,
            REPORT,
            Variables.createVariables()
                .putValue(Variable.REPORT_ID, REPORT)
                .putValue(Variable.REPORT_REFERENCE, REFERENCE)
                .putValue(Variable.ALLEGATION, allegation)
                .putValue(Variable.REVIEW_ENDS_AT, Date.from(PERIOD_ENDS)));
  }

  private void reviewUpToThePlan(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Element.ACKNOWLEDGE_REPORT);
    completeEach(Element.ACKNOWLEDGE_REPORT);
    assertThat(pi).isWaitingAt(Element.HOLD_COORDINATION_MEETING);
    holdMeeting();
    assertThat(pi).isWaitingAt(Element.ANSWER_RECOMMENDATION);
    completeEach(Element.ANSWER_RECOMMENDATION);
    assertThat(pi).isWaitingAt(Element.PREPARE_PLAN_OF_ACTION);
    assertThat(task()).hasCandidateGroup("director");
    complete(task());
    assertThat(pi).hasPassed(Element.PLAN_SUBMITTED);
  }

  /**
   * The liaison officer holds the meeting the review called, in the called instance, and records no
   * action: the review goes on.
   */
  private static void holdMeeting() {
    Task hold =
        taskQuery()
            .taskDefinitionKey(CoordinationMeetingProcess.Element.HOLD_MEETING)
            .singleResult();
    assertThat(hold).hasCandidateGroup("ngo-liaison");
    complete(hold, withVariables(CoordinationMeetingProcess.Variable.ACTION_TO_RECORD, false));
  }

  /** Completes the open tasks of a per-recommendation step, one for each recommendation. */
  private static void completeEach(String taskKey) {
    List<Task> open = taskQuery().taskDefinitionKey(taskKey).list();
    assertThat(open).as("one %s per recommendation", taskKey).hasSize(RECOMMENDATIONS.size());
    open.forEach(t -> complete(t));
  }

  private Job periodTimer() {
    return jobQuery().activityId(Element.REVIEW_PERIOD_ENDED).singleResult();
  }

  private void endThePeriod() {
    execute(periodTimer());
  }
}
