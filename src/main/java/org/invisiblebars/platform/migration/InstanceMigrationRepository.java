package org.invisiblebars.platform.migration;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InstanceMigrationRepository extends JpaRepository<InstanceMigration, UUID> {

  List<InstanceMigration> findAllByOrderByStartedAtDesc();

  List<InstanceMigration> findByFinishedAtIsNull();

  Optional<InstanceMigration> findByRunningKey(String runningKey);
}
