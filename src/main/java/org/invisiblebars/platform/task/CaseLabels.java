package org.invisiblebars.platform.task;

import java.util.Optional;
import java.util.UUID;

/**
 * The {@link CaseLabel} of the cases of one kind (the {@link CaseProcess#subjectType()} of its
 * handlers); one bean per feature.
 */
public interface CaseLabels {

  String subjectType();

  /** The label of case {@code id}; empty when the case is not stored (yet). */
  Optional<CaseLabel> of(UUID id);
}
