package org.invisiblebars.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Keeps task operations on the paths the models define, for the roles meant to take them (issue 10,
 * defect 3), in the engine itself, so the engine REST API, the web applications' engine API
 * (Tasklist, Cockpit) and Java callers are held alike.
 *
 * <ul>
 *   <li>A task's candidates and assignee get {@code TASK_WORK} instead of the engine's default
 *       {@code UPDATE}: they read, claim, complete and comment; they no longer move due dates or
 *       priorities, set an owner, assign, delegate, change candidate groups or write variables
 *       outside a completion ({@code SaveTaskCmd}, {@code AssignTaskCmd}, {@code DelegateTaskCmd},
 *       the identity-link and variable commands check {@code TASK_ASSIGN} or {@code UPDATE}).
 *   <li>{@link TaskOperationRules} adds the checks the engine lacks, as a command interceptor (the
 *       documented extension point for commands): a BPMN error or escalation only where the task's
 *       activity has a boundary event catching it; comments and attachments only by whom may work
 *       the task; claims for oneself only; an unclaim by the assignee, which the engine otherwise
 *       ties to {@code TASK_ASSIGN}; no resolve of a task that was never delegated; a completion
 *       that carries only the fields of the task's form (the process's ids and flags are not the
 *       candidate's to set).
 * </ul>
 *
 * Administrators ({@code camunda-admin}, granted everything) keep every repair; the system (the SLA
 * breach scan, timers, our own API) acts without an authenticated user and is not checked.
 */
@Component
class TaskOperationGuard extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setDefaultUserPermissionForTask(Permissions.TASK_WORK);
    // One interceptor per chain: an interceptor knows the next one of its own chain.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        with(configuration.getCustomPostCommandInterceptorsTxRequired(), new TaskOperationRules()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(),
            new TaskOperationRules()));
  }

  /** {@code interceptors} and one more, for a chain of the engine's custom command interceptors. */
  static List<CommandInterceptor> with(
      List<CommandInterceptor> interceptors, CommandInterceptor added) {
    List<CommandInterceptor> all =
        interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(added);
    return all;
  }
}
