package org.invisiblebars.platform.process;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

/**
 * The one adapter over the engine's thread-bound command context ({@link Context}): code that runs
 * inside an engine command (a listener, a delegate, a deployer, a command interceptor, a variable
 * serializer) and needs what only that command knows. The public API has no equivalent: {@code
 * IdentityService#getCurrentAuthentication} is the caller's, not the command's (the engine runs its
 * own commands without one), and switching the authorization checks off for one step, or acting
 * when the command's transaction commits, exists only on the command context.
 *
 * <p>On an engine upgrade or a move to a Camunda 7 fork, check that {@code
 * Context.getCommandContext()}, {@code Context.getProcessEngineConfiguration()}, {@code
 * CommandContext#getAuthentication()}, {@code #runWithoutAuthorization(Callable)} and {@code
 * #getTransactionContext().addTransactionListener} and {@code #registerCommandContextListener} (its
 * listeners run before the sessions are flushed) keep their meaning (Camunda 7.24: all present).
 */
public final class CurrentCommand {

  private CurrentCommand() {}

  /** Whether the caller runs inside a command of the engine. */
  public static boolean running() {
    return Context.getCommandContext() != null;
  }

  /** The current command's context, for command interceptors; null outside a command. */
  public static CommandContext context() {
    return Context.getCommandContext();
  }

  /** The engine configuration of the current command (a deployer needs the engine's settings). */
  public static ProcessEngineConfigurationImpl configuration() {
    return Context.getProcessEngineConfiguration();
  }

  /**
   * Who the current command runs for; null when it runs for the engine itself (a job, the
   * application's own start) or outside a command.
   */
  public static Authentication authentication() {
    CommandContext command = Context.getCommandContext();
    return command == null ? null : command.getAuthentication();
  }

  /**
   * Runs {@code work} with the engine's authorization checks off when called inside a command (the
   * person whose command it is may not do this step themselves); outside a command, as it is.
   */
  public static <T> T withoutAuthorization(Callable<T> work) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      return command.runWithoutAuthorization(work);
    }
    try {
      return work.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs {@code action} when the current command has done its work, before the engine writes its
   * changes, in the command's transaction: every listener of the command has run by then (a new
   * task's create listeners have set its variables and candidates).
   */
  public static void atEnd(Runnable action) {
    Context.getCommandContext()
        .registerCommandContextListener(
            new CommandContextListener() {
              @Override
              public void onCommandContextClose(CommandContext commandContext) {
                action.run();
              }

              @Override
              public void onCommandFailed(CommandContext commandContext, Throwable t) {
                // nothing to do: the command's transaction rolls back
              }
            });
  }

  /** Runs {@code action} once the current command's transaction has committed. */
  public static void afterCommit(Runnable action) {
    Context.getCommandContext()
        .getTransactionContext()
        .addTransactionListener(TransactionState.COMMITTED, committed -> action.run());
  }
}
