package org.invisiblebars.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.junit.jupiter.api.Test;

/** The rules' reading of engine commands and of boundary events, without an engine. */
class TaskOperationRulesTest {

  @Test
  void theRulesReadTheArgumentsOfThisEnginesCommands() {
    assertThat(TaskOperationRules.RULES)
        .containsKeys(
            HandleTaskBpmnErrorCmd.class,
            HandleTaskEscalationCmd.class,
            AddCommentCmd.class,
            AssignTaskCmd.class,
            ResolveTaskCmd.class);
    assertThat(
            TaskOperationRules.Argument.of(HandleTaskBpmnErrorCmd.class, "errorCode")
                .of(new HandleTaskBpmnErrorCmd("task-1", "Error_Withdrawn")))
        .isEqualTo("Error_Withdrawn");
    assertThat(
            TaskOperationRules.Argument.of(AssignTaskCmd.class, "taskId")
                .of(new AssignTaskCmd("task-2", null)))
        .as("a field of a superclass")
        .isEqualTo("task-2");
  }

  @Test
  void aCommandWithoutTheExpectedFieldStopsTheStartRatherThanPassUnchecked() {
    assertThatThrownBy(
            () -> TaskOperationRules.Argument.of(AddCommentCmd.class, "renamedInANewEngine"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AddCommentCmd");
  }

  @Test
  void anErrorBoundaryEventCatchesItsCodeOrEveryCode() {
    EventDefinition withdrawn =
        boundary(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Review")
                .boundaryEvent("Error_Withdrawn")
                .error("Error_Withdrawn")
                .endEvent()
                .done());
    EventDefinition any =
        boundary(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Review")
                .boundaryEvent("Error_Any")
                .error()
                .endEvent()
                .done());

    assertThat(TaskOperationRules.catchesError(withdrawn, "Error_Withdrawn")).isTrue();
    assertThat(TaskOperationRules.catchesError(withdrawn, "Error_Other")).isFalse();
    assertThat(TaskOperationRules.catchesError(any, "Error_Other")).isTrue();
    assertThat(TaskOperationRules.catchesEscalation(withdrawn, "Error_Withdrawn"))
        .as("an error is no escalation")
        .isFalse();
  }

  @Test
  void anEscalationBoundaryEventCatchesItsCodeOrEveryCode() {
    EventDefinition help =
        boundary(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Review")
                .boundaryEvent("Escalation_Help")
                .cancelActivity(false)
                .escalation("Escalation_Help")
                .endEvent()
                .done());
    EventDefinition any =
        boundary(
            Bpmn.createExecutableProcess("p")
                .startEvent()
                .userTask("Task_Review")
                .boundaryEvent("Escalation_Any")
                .cancelActivity(false)
                .escalation()
                .endEvent()
                .done());

    assertThat(TaskOperationRules.catchesEscalation(help, "Escalation_Help")).isTrue();
    assertThat(TaskOperationRules.catchesEscalation(help, "Escalation_Other")).isFalse();
    assertThat(TaskOperationRules.catchesEscalation(any, "Escalation_Other")).isTrue();
    assertThat(TaskOperationRules.catchesError(help, "Escalation_Help")).isFalse();
  }

  private static EventDefinition boundary(BpmnModelInstance model) {
    return model
        .getModelElementsByType(BoundaryEvent.class)
        .iterator()
        .next()
        .getEventDefinitions()
        .iterator()
        .next();
  }
}
