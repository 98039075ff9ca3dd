package org.invisiblebars.modelchange.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The changes process owners submitted. */
public interface ModelChangeRepository extends JpaRepository<ModelChange, UUID> {

  Optional<ModelChange> findByDeploymentId(String deploymentId);

  Optional<ModelChange> findByReference(String reference);

  List<ModelChange> findAllByOrderByDeployedAtDesc();

  List<ModelChange> findByStatus(ModelChange.Status status);

  /**
   * Marks a change awaiting review withdrawn; 0 when another node did it first (the row's lock
   * orders them).
   */
  @Modifying(clearAutomatically = true)
  @Query(
      "update ModelChange c set c.status ="
          + " org.invisiblebars.modelchange.domain.ModelChange.Status.WITHDRAWN,"
          + " c.decidedAt = :at, c.decidedBy = 'system'"
          + " where c.id = :id and c.status ="
          + " org.invisiblebars.modelchange.domain.ModelChange.Status.AWAITING_REVIEW")
  int withdraw(@Param("id") UUID id, @Param("at") Instant at);
}
