package org.invisiblebars.platform.deployment;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.invisiblebars.platform.deployment.ModelVersions.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which version of each process and decision is live, who deployed it, when and from where, and
 * which older versions still run instances: for process owners, administrators and directors (the
 * security configuration's rule). Read-only.
 */
@RestController
class ProcessModelController {

  private final ProcessEngine engine;
  private final RepositoryModels repository;

  ProcessModelController(ProcessEngine engine, RepositoryModels repository) {
    this.engine = engine;
    this.repository = repository;
  }

  @GetMapping("/api/v1/process-models")
  List<Model> processModels() {
    return new ModelVersions(engine, repository.files()).models();
  }
}
