package org.invisiblebars.platform.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractWritableIdentityServiceCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.invisiblebars.platform.process.CurrentCommand;
import org.springframework.stereotype.Component;

/**
 * Tells {@link VerifiedCredentials} when users, groups or memberships change, whichever way the
 * change comes: the engine REST API, the Admin application and the Java API all change them through
 * the engine's identity commands (every one of which extends {@link
 * AbstractWritableIdentityServiceCmd}: users, groups, tenants and memberships created, saved or
 * deleted; and the unlock). A command interceptor, the documented extension point for commands,
 * forgets everything verified when such a command starts and once more when it commits, so a
 * sign-in that read the old state meanwhile is not kept either.
 */
@Component
class IdentityChanges extends AbstractProcessEnginePlugin {

  private final VerifiedCredentials credentials;

  IdentityChanges(VerifiedCredentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // One interceptor per chain: an interceptor knows the next one of its own chain.
    configuration.setCustomPostCommandInterceptorsTxRequired(
        TaskOperationGuard.with(
            configuration.getCustomPostCommandInterceptorsTxRequired(), new Noticing()));
    configuration.setCustomPostCommandInterceptorsTxRequiresNew(
        TaskOperationGuard.with(
            configuration.getCustomPostCommandInterceptorsTxRequiresNew(), new Noticing()));
  }

  static boolean changesIdentities(Command<?> command) {
    return command instanceof AbstractWritableIdentityServiceCmd
        || command instanceof UnlockUserCmd;
  }

  private final class Noticing extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (changesIdentities(command)) {
        credentials.forgetAll();
        CurrentCommand.afterCommit(credentials::forgetAll);
      }
      return next.execute(command);
    }
  }
}
