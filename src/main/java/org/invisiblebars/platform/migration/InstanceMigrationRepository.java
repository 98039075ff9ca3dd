package org.invisiblebars.platform.migration;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.ListCrudRepository;

interface InstanceMigrationRepository extends ListCrudRepository<InstanceMigration, UUID> {

  List<InstanceMigration> findAllByOrderByStartedAtDesc();

  List<InstanceMigration> findByFinishedAtIsNull();
}
