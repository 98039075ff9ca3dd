package org.invisiblebars.platform.process;

import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.invisiblebars.platform.identity.Administrators;
import org.springframework.stereotype.Component;

/**
 * The one adapter over the engine's internal configuration ({@link ProcessEngineConfigurationImpl})
 * for beans that are not engine plugins; no other bean casts the engine's configuration. Each
 * method is something the public API ({@code ProcessEngine}, its services) does not offer:
 *
 * <ul>
 *   <li>{@link #inCommand}: several service calls as one command of the engine: one transaction and
 *       one command context (the sign-in reads password and groups together; a DMN evaluation
 *       outside a command has no engine context for the DMN engine's history listener);
 *   <li>{@link #dmnEngine}: the engine's DMN engine, to evaluate a decision without the decision
 *       history the {@code DecisionService} writes (inputs that managers must not read there);
 *   <li>{@link #jobExecutorActive}: whether the job executor runs, for the health check;
 *   <li>{@link #isAdministrator}: the admin users and groups the engine is configured with.
 * </ul>
 *
 * <p>On an engine upgrade or a move to a Camunda 7 fork (Operaton, CIB seven), check that {@code
 * ProcessEngineConfigurationImpl} still has {@code getCommandExecutorTxRequired()}, {@code
 * getDmnEngine()}, {@code getJobExecutor()} ({@code isActive()}), {@code getAdminUsers()} and
 * {@code getAdminGroups()} with these meanings (Camunda 7.24: all present).
 */
@Component
public class EngineInternals {

  private final ProcessEngineConfigurationImpl configuration;

  public EngineInternals(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * Runs {@code work} as one command of the engine, joining the caller's transaction if there is
   * one.
   */
  public <T> T inCommand(Supplier<T> work) {
    return configuration.getCommandExecutorTxRequired().execute(command -> work.get());
  }

  /** The engine's DMN engine, configured as the engine configures it (FEEL, JUEL, our defaults). */
  public DmnEngine dmnEngine() {
    return configuration.getDmnEngine();
  }

  /** Whether the engine's job executor is running (timers and asynchronous steps are executed). */
  public boolean jobExecutorActive() {
    JobExecutor executor = configuration.getJobExecutor();
    return executor != null && executor.isActive();
  }

  /**
   * Whether {@code user} (the engine's current authentication, or none) is an administrator of the
   * engine.
   */
  public boolean isAdministrator(Authentication user) {
    return Administrators.include(user, configuration);
  }
}
