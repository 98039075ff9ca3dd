package org.invisiblebars.accreditation.adapter.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.invisiblebars.accreditation.domain.Accreditation;
import org.invisiblebars.accreditation.domain.AccreditationStatus;
import org.invisiblebars.accreditation.domain.Application;
import org.invisiblebars.accreditation.domain.ProgrammeType;
import org.invisiblebars.accreditation.usecase.AccreditationProcess;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Bean;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Element;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Message;
import org.invisiblebars.accreditation.usecase.AccreditationProcess.Variable;
import org.invisiblebars.organisation.domain.MandateType;
import org.invisiblebars.platform.process.MultiInstanceItems;
import org.invisiblebars.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One test per path through ngo-accreditation; delegates are mocks, so only the flow is tested, but
 * the status steps move a real {@link Accreditation}: every path is a sequence of moves its table
 * allows.
 */
@Deployment(resources = "processes/ngo-accreditation.bpmn")
class NgoAccreditationProcessTest extends ProcessTest {

  private static final String ACCREDITATION = "9d0c3c58-5a0e-4d8e-9a57-1b4c1b7f3e11";

  /** The versions of the MoU the process made from answered amendments. */
  private int revisions;

  /** The amendments each round of the negotiation lists. */
  private List<String> proposed = List.of();

  /** The statuses the process asked for, in order. */
  private final List<String> statuses = new ArrayList<>();

  /** The accreditation the status steps move, as the real delegate does. */
  private final Accreditation accreditation =
      new Accreditation(
          new Application(
              UUID.randomUUID(),
              MandateType.NGO,
              ProgrammeType.MONITORING,
              null,
              null,
              null,
              "Monitoring",
              null,
              null,
              12,
              List.of(UUID.randomUUID()),
              List.of(UUID.randomUUID())),
          "john",
          Instant.now(),
          null);

  @BeforeEach
  void registerDelegates() {
    Mocks.register(
        Bean.STATUS_DELEGATE,
        (JavaDelegate)
            execution -> {
              String target = (String) execution.getVariableLocal(Variable.TARGET_STATUS);
              accreditation.moveTo(AccreditationStatus.valueOf(target));
              statuses.add(target);
            });
    Mocks.register(
        Bean.RECOMMEND_DELEGATE,
        (JavaDelegate) execution -> execution.setVariable(Variable.RECOMMENDATION, "RECOMMEND"));
    Mocks.register(
        Bean.ACTIVATE_DELEGATE,
        (JavaDelegate)
            execution -> {
              Instant now = Instant.now();
              execution.setVariable(
                  Variable.TERM_ENDS_AT, Date.from(now.plus(365, ChronoUnit.DAYS)));
              execution.setVariable(
                  Variable.RENEWAL_REMINDER_AT, Date.from(now.plus(305, ChronoUnit.DAYS)));
              accreditation.activate(LocalDate.now(), 12);
              statuses.add("ACTIVE");
            });
    Mocks.register(
        Bean.LIST_NOMINEES_DELEGATE,
        (JavaDelegate)
            execution ->
                MultiInstanceItems.hand(
                    execution,
                    Variable.NOMINEE_IDS,
                    List.of("representative-1", "representative-2")));
    Mocks.register(
        Bean.LIST_MOU_AMENDMENTS_DELEGATE,
        (JavaDelegate)
            execution -> MultiInstanceItems.hand(execution, Variable.AMENDMENT_IDS, proposed));
    Mocks.register(Bean.REVISE_MOU_DELEGATE, (JavaDelegate) execution -> revisions++);
  }

  @Test
  void verifiedFormalMandateIsRegistered() {
    ProcessInstance pi = start(true);

    assertThat(pi).isWaitingAt(Element.VERIFY_FORMAL_MANDATE);
    assertThat(task()).hasCandidateGroup("ngo-liaison");
    complete(task(), withVariables(Variable.MANDATE_VERIFIED, true));

    assertThat(pi).isEnded().hasPassed(Element.MANDATE_REGISTERED);
    assertThat(statuses).containsExactly("MANDATE_REGISTERED");
  }

  @Test
  void unverifiedFormalMandateIsRejected() {
    ProcessInstance pi = start(true);

    assertThat(pi).isWaitingAt(Element.VERIFY_FORMAL_MANDATE);
    complete(task(), withVariables(Variable.MANDATE_VERIFIED, false));

    assertThat(pi).isEnded().hasPassed(Element.MANDATE_REJECTED);
    assertThat(statuses).containsExactly("REJECTED");
  }

  @Test
  void completeApplicationIsRecommendedApprovedCountersignedSignedAndActive() {
    ProcessInstance pi = start(false);

    reviewUpToTheDecision(pi);
    complete(task(), withVariables(Variable.ACCREDITATION_APPROVED, true));

    assertThat(pi).isWaitingAt(Element.DRAFT_MOU);
    assertThat(task()).hasCandidateGroup("ngo-liaison");
    complete(task());

    assertThat(pi).isWaitingAt(Element.AWAIT_MOU_ANSWER);
    runtimeService().correlateMessage(Message.MOU_AGREED, ACCREDITATION);

    assertThat(pi).isWaitingAt(Element.AWAIT_COUNTERSIGNATURE);
    runtimeService().correlateMessage(Message.MOU_COUNTERSIGNED, ACCREDITATION);

    assertThat(pi).isWaitingAt(Element.SIGN_MOU);
    assertThat(task()).hasCandidateGroup("director");
    complete(task());

    assertThat(pi).isWaitingAt(Element.TERM_ENDED);
    assertThat(statuses)
        .containsExactly("MOU_IN_NEGOTIATION", "AWAITING_COUNTERSIGNATURE", "ACTIVE");
    assertThat(pi)
        .hasPassedInOrder(
            Element.CHECK_APPLICATION_COMPLETENESS,
            Element.RATE_ACCREDITATION_CRITERIA,
            Element.RECOMMEND_ACCREDITATION,
            Element.DECIDE_ACCREDITATION,
            Element.DRAFT_MOU,
            Element.SHARE_MOU,
            Element.MOU_AGREED,
            Element.MOU_COUNTERSIGNED,
            Element.SIGN_MOU);
  }

  @Test
  void incompleteApplicationWaitsForTheInformationRequested() {
    ProcessInstance pi = start(false);

    assertThat(pi).isWaitingAt(Element.CHECK_APPLICATION_COMPLETENESS);
    complete(task(), withVariables(Variable.APPLICATION_COMPLETE, false));

    assertThat(pi).isWaitingAt(Element.AWAIT_INFORMATION);
    assertThat(statuses).containsExactly("AWAITING_INFORMATION");
    accreditation.supplyInformation("Attached");
    runtimeService().correlateMessage(Message.INFORMATION_SUPPLIED, ACCREDITATION);

    assertThat(pi).isWaitingAt(Element.CHECK_APPLICATION_COMPLETENESS);
    complete(task(), withVariables(Variable.APPLICATION_COMPLETE, true));
    assertThat(pi).isWaitingAt(Element.RATE_ACCREDITATION_CRITERIA);
  }

  @Test
  void informationNeverSuppliedWithdrawsTheApplication() {
    ProcessInstance pi = start(false);
    assertThat(pi).isWaitingAt(Element.CHECK_APPLICATION_COMPLETENESS);
    complete(task(), withVariables(Variable.APPLICATION_COMPLETE, false));

    assertThat(pi).isWaitingAt(Element.AWAIT_INFORMATION);
    execute(job(Element.INFORMATION_OVERDUE));

    assertThat(pi).isEnded().hasPassed(Element.APPLICATION_WITHDRAWN);
    assertThat(statuses).containsExactly("AWAITING_INFORMATION", "WITHDRAWN");
  }

  @Test
  void rejectedApplicationEnds() {
    ProcessInstance pi = start(false);

    reviewUpToTheDecision(pi);
    complete(task(), withVariables(Variable.ACCREDITATION_APPROVED, false));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.ACCREDITATION_REJECTED)
        .hasNotPassed(Element.DRAFT_MOU);
    assertThat(statuses).containsExactly("REJECTED");
  }

  @Test
  void missingCountersignatureLapsesTheAccreditation() {
    ProcessInstance pi = mouShared();
    runtimeService().correlateMessage(Message.MOU_AGREED, ACCREDITATION);

    execute(job(Element.COUNTERSIGNATURE_OVERDUE));

    assertThat(pi).isEnded().hasPassed(Element.ACCREDITATION_LAPSED).hasNotPassed(Element.SIGN_MOU);
    assertThat(statuses)
        .containsExactly("MOU_IN_NEGOTIATION", "AWAITING_COUNTERSIGNATURE", "LAPSED");
  }

  @Test
  void amendmentsAreAnsweredOneTaskEachAndTheNextVersionGoesBackToTheNgo() {
    ProcessInstance pi = mouShared();

    proposeAndAnswer(pi, List.of("amendment-1", "amendment-2"));

    assertThat(revisions).as("one new version for the round").isEqualTo(1);
    assertThat(pi).isWaitingAt(Element.AWAIT_MOU_ANSWER).hasNotPassed(Element.MOU_AGREED);
    assertThat(statuses)
        .as("the status stays while negotiating")
        .containsExactly("MOU_IN_NEGOTIATION");
  }

  @Test
  void severalRoundsOfAmendmentsEndInAnAgreedTextThatGoesToCountersignature() {
    ProcessInstance pi = mouShared();

    proposeAndAnswer(pi, List.of("amendment-1", "amendment-2"));
    proposeAndAnswer(pi, List.of("amendment-3"));
    runtimeService().correlateMessage(Message.MOU_AGREED, ACCREDITATION);

    assertThat(revisions).isEqualTo(2);
    assertThat(pi).isWaitingAt(Element.AWAIT_COUNTERSIGNATURE);
    runtimeService().correlateMessage(Message.MOU_COUNTERSIGNED, ACCREDITATION);
    assertThat(pi).isWaitingAt(Element.SIGN_MOU);
    assertThat(statuses).containsExactly("MOU_IN_NEGOTIATION", "AWAITING_COUNTERSIGNATURE");
  }

  @Test
  void noAnswerToAVersionFor30DaysLapsesTheAccreditation() {
    ProcessInstance pi = mouShared();
    proposeAndAnswer(pi, List.of("amendment-1"));

    assertThat(job(Element.MOU_ANSWER_OVERDUE))
        .as("the NGO's 30 days start again with each version")
        .isNotNull();
    execute(job(Element.MOU_ANSWER_OVERDUE));

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.ACCREDITATION_LAPSED)
        .hasNotPassed(Element.AWAIT_COUNTERSIGNATURE);
    assertThat(statuses).containsExactly("MOU_IN_NEGOTIATION", "LAPSED");
  }

  @Test
  void noTimerRunsAgainstTheNgoWhileTheLiaisonOfficerAnswers() {
    ProcessInstance pi = mouShared();
    proposed = List.of("amendment-1");
    runtimeService().correlateMessage(Message.MOU_AMENDMENTS_PROPOSED, ACCREDITATION);

    assertThat(pi).isWaitingAt(Element.ANSWER_MOU_AMENDMENT);
    assertThat(
            managementService()
                .createJobQuery()
                .processInstanceId(pi.getId())
                .activityId(Element.MOU_ANSWER_OVERDUE)
                .count())
        .isZero();
  }

  /** Approved, the MoU drafted and shared: the NGO reads it. */
  private ProcessInstance mouShared() {
    ProcessInstance pi = start(false);
    reviewUpToTheDecision(pi);
    complete(task(), withVariables(Variable.ACCREDITATION_APPROVED, true));
    complete(task());
    assertThat(pi).isWaitingAt(Element.AWAIT_MOU_ANSWER);
    return pi;
  }

  /**
   * The NGO proposes {@code amendments}; the liaison officers answer each in a task of its own, and
   * the job executor joins them one at a time, as this does.
   */
  private void proposeAndAnswer(ProcessInstance pi, List<String> amendments) {
    proposed = amendments;
    runtimeService().correlateMessage(Message.MOU_AMENDMENTS_PROPOSED, ACCREDITATION);
    var answers = taskQuery().taskDefinitionKey(Element.ANSWER_MOU_AMENDMENT).list();
    assertThat(answers).as("one answer per amendment").hasSize(amendments.size());
    assertThat(answers).allSatisfy(answer -> assertThat(answer).hasCandidateGroup("ngo-liaison"));
    answers.forEach(answer -> complete(answer));
    List<Job> continuations =
        managementService().createJobQuery().processInstanceId(pi.getId()).list();
    assertThat(continuations).as("one continuation per answer").hasSize(amendments.size());
    continuations.forEach(job -> execute(job));
  }

  @Test
  void activeAccreditationIsRemindedForRenewalAndExpires() {
    ProcessInstance pi = activeAccreditation();

    execute(job(Element.RENEWAL_DUE));
    assertThat(pi).isWaitingAt(Element.PREPARE_RENEWAL, Element.TERM_ENDED);
    assertThat(task()).hasCandidateGroup("ngo-liaison");
    complete(task());

    execute(job(Element.TERM_ENDED));
    assertThat(pi).isEnded().hasPassed(Element.RENEWAL_PREPARED, Element.ACCREDITATION_EXPIRED);
    assertThat(statuses)
        .containsExactly("MOU_IN_NEGOTIATION", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "EXPIRED");
  }

  @Test
  void directorRevokesAnActiveAccreditation() {
    ProcessInstance pi = activeAccreditation();

    runtimeService().correlateMessage(Message.ACCREDITATION_REVOKED, ACCREDITATION);

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.ACCREDITATION_REVOKED)
        .hasNotPassed(Element.ACCREDITATION_EXPIRED);
    assertThat(statuses)
        .containsExactly("MOU_IN_NEGOTIATION", "AWAITING_COUNTERSIGNATURE", "ACTIVE", "REVOKED");
  }

  @Test
  void directorRevokesAPendingAccreditation() {
    ProcessInstance pi = start(false);
    reviewUpToTheDecision(pi);

    runtimeService().correlateMessage(Message.ACCREDITATION_REVOKED, ACCREDITATION);

    assertThat(pi)
        .isEnded()
        .hasPassed(Element.ACCREDITATION_REVOKED)
        .hasNotPassed(Element.DRAFT_MOU);
    assertThat(statuses).containsExactly("REVOKED");
  }

  private ProcessInstance start(boolean formalMandate) {
    return runtimeService()
        .startProcessInstanceByKey(
            AccreditationProcess.KEY,
            ACCREDITATION,
            withVariables(
                Variable.ACCREDITATION_ID,
                ACCREDITATION,
                Variable.FORMAL_MANDATE,
                formalMandate,
                Variable.ORGANISATION_NAME,
                "Prison Watch"));
  }

  /** Completeness, rating, recommendation, vetting and consultation: waits at the decision. */
  private void reviewUpToTheDecision(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Element.CHECK_APPLICATION_COMPLETENESS);
    complete(task(), withVariables(Variable.APPLICATION_COMPLETE, true));
    assertThat(pi).isWaitingAt(Element.RATE_ACCREDITATION_CRITERIA);
    complete(task());

    assertThat(pi)
        .hasPassed(Element.RECOMMEND_ACCREDITATION)
        .isWaitingAt(Element.VET_REPRESENTATIVES, Element.CONSULT_STAFF);
    var vettings = taskQuery().taskDefinitionKey(Element.VET_REPRESENTATIVES).list();
    assertThat(vettings).as("one vetting per named representative").hasSize(2);
    assertThat(vettings).allSatisfy(vetting -> assertThat(vetting).hasCandidateGroup("security"));
    assertThat(task(Element.CONSULT_STAFF)).hasCandidateGroup("ngo-liaison");
    vettings.forEach(vetting -> complete(vetting));
    complete(task(Element.CONSULT_STAFF));
    joinTheReview(pi);

    assertThat(pi).isWaitingAt(Element.DECIDE_ACCREDITATION);
    assertThat(task()).hasCandidateGroup("director");
  }

  /**
   * Each vetting and the consultation end in a job of their own (asynchronous after the task), so
   * that people completing them at the same moment never collide on the join; the job executor runs
   * them one at a time per process instance, as this does.
   */
  private void joinTheReview(ProcessInstance pi) {
    assertThat(pi).isWaitingAt(Element.VET_REPRESENTATIVES, Element.CONSULT_STAFF);
    List<Job> continuations =
        managementService().createJobQuery().processInstanceId(pi.getId()).list();
    assertThat(continuations).as("two vettings and the consultation").hasSize(3);
    assertThat(taskQuery().processInstanceId(pi.getId()).count())
        .as("their tasks are done")
        .isZero();
    continuations.forEach(job -> execute(job));
  }

  private ProcessInstance activeAccreditation() {
    ProcessInstance pi = start(false);
    reviewUpToTheDecision(pi);
    complete(task(), withVariables(Variable.ACCREDITATION_APPROVED, true));
    complete(task());
    runtimeService().correlateMessage(Message.MOU_AGREED, ACCREDITATION);
    runtimeService().correlateMessage(Message.MOU_COUNTERSIGNED, ACCREDITATION);
    complete(task());
    assertThat(pi).isWaitingAt(Element.TERM_ENDED);
    return pi;
  }
}
