package org.invisiblebars.platform.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.migration.validation.instruction.MigrationInstructionValidator;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.springframework.stereotype.Component;

/**
 * Refuses every migration plan whose target version awaits review ({@link HeldDeployments}), by
 * whichever route it is built (our migration page, {@code /engine-rest/migration}, the Java API):
 * process owners may migrate instances, and moving them onto a version nobody has approved would
 * run an unreviewed model. A migration instruction validator, the engine's extension point for what
 * a plan must satisfy; the engine lists the failure in its validation report (400 on its REST API).
 * Camunda 7.24: {@code customPostMigrationInstructionValidators}.
 */
@Component
class HeldMigrationTargets extends AbstractProcessEnginePlugin {

  private final HeldDeployments held;

  HeldMigrationTargets(HeldDeployments held) {
    this.held = held;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<MigrationInstructionValidator> validators =
        configuration.getCustomPostMigrationInstructionValidators() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostMigrationInstructionValidators());
    validators.add(
        (instruction, instructions, report) -> {
          if (instruction.getTargetActivity().getProcessDefinition()
                  instanceof ProcessDefinitionEntity target
              && held.isHeld(target.getDeploymentId())) {
            report.addFailure(
                "version "
                    + target.getVersion()
                    + " of "
                    + target.getKey()
                    + " awaits review: instances move to it once a director or an administrator"
                    + " has approved it");
          }
        });
    configuration.setCustomPostMigrationInstructionValidators(validators);
  }
}
