package org.invisiblebars.sla.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface SlaBreachRepository extends JpaRepository<SlaBreach, UUID> {

  List<SlaBreach> findByTaskId(String taskId);

  @Transactional
  @Modifying
  @Query(
      "update SlaBreach b set b.resolvedAt = :at where b.taskId = :taskId and b.resolvedAt is null")
  int resolve(@Param("taskId") String taskId, @Param("at") Instant at);
}
