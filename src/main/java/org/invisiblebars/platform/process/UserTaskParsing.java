package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A BPMN parse listener (the engine's documented extension point for what every model gets) run for
 * each user task of every model the engine parses, after its own parsing: what the SLA due dates
 * and the task handlers attach to every task. The parsed task's definition is an engine class; this
 * is the one place that reads it from the parsed activity.
 */
public final class UserTaskParsing {

  /**
   * One parsed user task: its process's key (set before its elements are parsed), its id, its
   * definition, its XML.
   */
  @FunctionalInterface
  public interface ParsedUserTask {
    void parsed(String processKey, String taskKey, TaskDefinition definition, Element element);
  }

  private UserTaskParsing() {}

  /**
   * Calls {@code each} for every user task of every model {@code configuration}'s engine parses.
   */
  public static void forEveryUserTask(
      ProcessEngineConfigurationImpl configuration, ParsedUserTask each) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(
              Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
            each.parsed(
                ((ProcessDefinitionEntity) activity.getProcessDefinition()).getKey(),
                activity.getId(),
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition(),
                userTaskElement);
          }
        });
  }

  /**
   * Adds {@code deployer} to the engine's pre-deployers: it sees each deployment before its models
   * are parsed (a new one, or an old one the engine parses again to run its instances), keeping the
   * pre-deployers registered before.
   */
  public static void beforeEveryDeployment(
      ProcessEngineConfigurationImpl configuration, Deployer deployer) {
    List<Deployer> preDeployers =
        configuration.getCustomPreDeployers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(deployer);
    configuration.setCustomPreDeployers(preDeployers);
  }
}
