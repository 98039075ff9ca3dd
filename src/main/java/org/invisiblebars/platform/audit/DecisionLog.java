package org.invisiblebars.platform.audit;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** The append-only log of human decisions; entries are added and read, never changed. */
public interface DecisionLog extends Repository<DecisionLogEntry, UUID> {

  DecisionLogEntry save(DecisionLogEntry entry);

  List<DecisionLogEntry> findBySubjectTypeAndSubjectIdOrderByDecidedAt(
      String subjectType, UUID subjectId);

  /** The decisions on several subjects at once, for a list (one query, not one per subject). */
  List<DecisionLogEntry> findBySubjectTypeAndSubjectIdInOrderByDecidedAt(
      String subjectType, Collection<UUID> subjectIds);
}
