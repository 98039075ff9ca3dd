package org.invisiblebars.modelchange.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.invisiblebars.modelchange.domain.ModelChange;
import org.invisiblebars.modelchange.usecase.ModelChanges;
import org.invisiblebars.platform.validation.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The changes process owners submitted by deploying, with their review: for process owners (to read
 * why a change was rejected), directors and administrators (the security configuration's rule).
 * Read-only: the review itself is a task in Tasklist.
 */
@Tag(name = "Model changes")
@RestController
@RequestMapping("/api/v1/model-changes")
class ModelChangeController {

  private final ModelChanges changes;

  ModelChangeController(ModelChanges changes) {
    this.changes = changes;
  }

  /** A change as the list shows it; {@code changes} one line each. */
  record ChangeView(
      UUID id,
      String reference,
      List<String> models,
      String deploymentName,
      String deploymentSource,
      String deployedBy,
      Instant deployedAt,
      ModelChange.Status status,
      String decidedBy,
      Instant decidedAt,
      String reasons,
      boolean migrateRunning,
      List<String> changes) {}

  @Operation(summary = "List process owners' model changes and their review")
  @GetMapping
  List<ChangeView> list() {
    List<ModelChange> all = changes.list();
    Map<String, String> names = changes.namesOf(people(all));
    return all.stream().map(change -> view(change, names)).toList();
  }

  /** One change, by its id or its reference ({@code CHG-2026-0001}). */
  @Operation(summary = "Read a model change by id or reference")
  @GetMapping("/{id}")
  ChangeView one(@PathVariable String id) {
    ModelChange change =
        changes.find(id).orElseThrow(() -> new NotFoundException("model change " + id));
    return view(change, changes.namesOf(people(List.of(change))));
  }

  /** Who deployed and who decided the changes: their names are read once for the whole list. */
  private static Set<String> people(List<ModelChange> all) {
    Set<String> ids = new HashSet<>();
    for (ModelChange change : all) {
      ids.add(change.getDeployedBy());
      if (change.getDecidedBy() != null) {
        ids.add(change.getDecidedBy());
      }
    }
    return ids;
  }

  private static ChangeView view(ModelChange change, Map<String, String> names) {
    return new ChangeView(
        change.getId(),
        change.getReference(),
        Arrays.asList(change.getModelKeys().split(",")),
        change.getDeploymentName(),
        change.getDeploymentSource(),
        names.get(change.getDeployedBy()),
        change.getDeployedAt(),
        change.getStatus(),
        change.getDecidedBy() == null ? null : names.get(change.getDecidedBy()),
        change.getDecidedAt(),
        change.getReasons(),
        change.isMigrateRunning(),
        change.getChanges().lines().toList());
  }
}
