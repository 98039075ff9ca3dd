package org.invisiblebars.modelchange.usecase;

import java.util.Optional;
import java.util.UUID;
import org.invisiblebars.platform.task.CaseLabel;
import org.invisiblebars.platform.task.CaseLabels;
import org.springframework.stereotype.Component;

/**
 * The Tasklist label of a model change: its reference, who deployed it (where the other processes
 * name the organisation) and the models it changes (where they name the facility).
 */
@Component
class ModelChangeLabels implements CaseLabels {

  private final ModelChanges changes;

  ModelChangeLabels(ModelChanges changes) {
    this.changes = changes;
  }

  @Override
  public String subjectType() {
    return ModelChanges.SUBJECT_TYPE;
  }

  @Override
  public Optional<CaseLabel> of(UUID id) {
    return changes
        .find(id)
        .map(
            change ->
                new CaseLabel(
                    change.getReference(),
                    changes.nameOf(change.getDeployedBy()),
                    change.getModelKeys().replace(",", ", ")));
  }
}
