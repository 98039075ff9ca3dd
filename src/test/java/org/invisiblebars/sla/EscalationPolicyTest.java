package org.invisiblebars.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.invisiblebars.platform.identity.Groups;
import org.invisiblebars.support.DecisionTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An escalation never lands on the people whose task is late, and hands work only to a group that
 * may do it (issue 13, item 4): every user task of every model, and every rule of {@code
 * sla-policy.dmn} and {@code escalation-takeover.dmn}, reached by a task of the models or by a
 * process deployed later.
 */
class EscalationPolicyTest {

  private static DecisionTable policy;
  private static DecisionTable takeOver;

  /** A user task of a model: its process, its key and the groups the model gives it. */
  record ModelTask(String process, String task, Set<String> candidates) {}

  @BeforeAll
  static void parse() throws Exception {
    policy = DecisionTable.load("processes/sla-policy.dmn", "sla-policy");
    takeOver = DecisionTable.load("processes/escalation-takeover.dmn", "escalation-takeover");
  }

  @Test
  void noTaskIsEscalatedToItsOwnGroupAndOnlyAllowedGroupsTakeOver() throws IOException {
    List<ModelTask> tasks = modelTasks();
    assertThat(tasks).hasSizeGreaterThan(20);
    // a task of a process deployed later, with a group of its own
    tasks.add(new ModelTask("a-process-added-later", "Task_Anything", Set.of("security")));
    Set<String> policyRules = new HashSet<>();
    Set<String> takeOverRules = new HashSet<>();
    SoftAssertions softly = new SoftAssertions();
    for (ModelTask task : tasks) {
      var inputs =
          Variables.createVariables()
              .putValue("processKey", task.process())
              .putValue("taskKey", task.task());
      DecisionTable.Evaluation target = policy.evaluate(inputs);
      policyRules.add(target.rule());
      String escalation = target.get("escalationGroup");
      softly
          .assertThat(escalation)
          .as("%s of %s escalates to a known staff group", task.task(), task.process())
          .isIn(Groups.TASK_QUEUES);
      softly
          .assertThat(task.candidates())
          .as(
              "%s of %s (%s) escalates to %s",
              task.task(), task.process(), target.rule(), escalation)
          .doesNotContain(escalation);
      DecisionTable.Evaluation allowed = takeOver.evaluate(inputs);
      takeOverRules.add(allowed.rule());
      String groups = allowed.get("takeOverGroups");
      for (String group : groups.isBlank() ? new String[0] : groups.split(",")) {
        softly
            .assertThat(group.strip())
            .as("%s of %s: a take-over group is the group it is escalated to", task.task(), task)
            .isEqualTo(escalation);
      }
    }
    softly.assertThat(policyRules).as("every SLA rule is checked").isEqualTo(ruleIds("sla-policy"));
    softly
        .assertThat(takeOverRules)
        .as("every take-over rule is checked")
        .isEqualTo(ruleIds("escalation-takeover"));
    softly.assertAll();
  }

  @Test
  void aLateReferralStaysWithTheOversightBodyAndALateDirectorIsToldToIt() {
    assertThat(escalationOf("report-review", "Task_ReferAllegation")).isEqualTo("oversight-head");
    for (String task :
        List.of(
            "Task_AcknowledgeReport", "Task_AnswerRecommendation", "Task_PreparePlanOfAction")) {
      assertThat(escalationOf("report-review", task)).as(task).isEqualTo("oversight");
    }
    assertThat(escalationOf("entry-authorisation", "Task_AuthoriseVisit")).isEqualTo("oversight");
    assertThat(escalationOf("ngo-accreditation", "Task_DecideAccreditation"))
        .isEqualTo("oversight");
    assertThat(
            (String)
                takeOver
                    .evaluate(
                        Variables.createVariables()
                            .putValue("processKey", "ngo-accreditation")
                            .putValue("taskKey", "Task_RateAccreditationCriteria"))
                    .get("takeOverGroups"))
        .as("a manager told of a late rating may not rate")
        .isEmpty();
  }

  private static String escalationOf(String process, String task) {
    return policy
        .evaluate(
            Variables.createVariables().putValue("processKey", process).putValue("taskKey", task))
        .get("escalationGroup");
  }

  private static Set<String> ruleIds(String decision) {
    return new HashSet<>(
        Dmn.readModelFromFile(Path.of("processes", decision + ".dmn").toFile())
            .getModelElementsByType(Rule.class)
            .stream()
            .map(Rule::getId)
            .toList());
  }

  /** Every user task of every model in {@code processes/}, with its process key. */
  static List<ModelTask> modelTasks() throws IOException {
    List<ModelTask> tasks = new ArrayList<>();
    try (Stream<Path> models = Files.list(Path.of("processes"))) {
      for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList()) {
        for (UserTask task :
            Bpmn.readModelFromFile(model.toFile()).getModelElementsByType(UserTask.class)) {
          ModelElementInstance parent = task.getParentElement();
          while (!(parent instanceof Process)) {
            parent = parent.getParentElement();
          }
          String groups = task.getCamundaCandidateGroups();
          tasks.add(
              new ModelTask(
                  ((Process) parent).getId(),
                  task.getId(),
                  groups == null
                      ? Set.of()
                      : Set.copyOf(Stream.of(groups.split(",")).map(String::strip).toList())));
        }
      }
    }
    return tasks;
  }
}
