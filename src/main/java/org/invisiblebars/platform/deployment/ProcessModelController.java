package org.invisiblebars.platform.deployment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.invisiblebars.platform.deployment.ModelVersions.Model;
import org.invisiblebars.platform.process.HeldDeployments;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which version of each process and decision is live, who deployed it, when and from where, and
 * which older versions still run instances: for process owners, administrators and directors (the
 * security configuration's rule). Read-only.
 */
@Tag(name = "Process models")
@RestController
class ProcessModelController {

  private final ProcessEngine engine;
  private final RepositoryModels repository;
  private final HeldDeployments held;

  ProcessModelController(ProcessEngine engine, RepositoryModels repository, HeldDeployments held) {
    this.engine = engine;
    this.repository = repository;
    this.held = held;
  }

  @Operation(summary = "Which version of each process model is live and where it came from")
  @GetMapping("/api/v1/process-models")
  List<Model> processModels() {
    return new ModelVersions(engine, held, repository.files()).models();
  }
}
