package org.invisiblebars.organisation.adapter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.invisiblebars.organisation.domain.Organisation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 7.1: organisation names unique whatever their case and spacing, held by the
 * database. A column {@code name_key} gets each name as {@link Organisation#nameKey} compares it,
 * and a unique constraint. Written in Java rather than SQL so that existing rows get exactly the
 * key the application computes (H2 and PostgreSQL disagree on regular expressions and know no
 * NFKC), and so that names registered twice before (say "Prison Watch" and "prison watch") do not
 * stop the start: the oldest keeps the plain key, each later one a key with its id appended, and a
 * warning names them for an administrator to merge. Spring Boot hands this bean to Flyway.
 */
@Component
class OrganisationNameKeyMigration implements JavaMigration {

  private static final Logger LOG = LoggerFactory.getLogger(OrganisationNameKeyMigration.class);

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("7.1");
  }

  @Override
  public String getDescription() {
    return "organisation name key";
  }

  @Override
  public Integer getChecksum() {
    return 71;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table organisation add column name_key varchar(440)");
    }
    Set<String> taken = new HashSet<>();
    try (Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery("select id, name from organisation order by created_at, id");
        PreparedStatement update =
            connection.prepareStatement("update organisation set name_key = ? where id = ?")) {
      while (rows.next()) {
        Object id = rows.getObject("id");
        String name = rows.getString("name");
        String key = Organisation.nameKey(name);
        if (!taken.add(key)) {
          LOG.warn(
              "Organisation {} ('{}') differs from an older one only in case or spacing; merge them",
              id,
              name);
          key = key + " #" + id;
        }
        update.setString(1, key);
        update.setObject(2, id);
        update.addBatch();
      }
      update.executeBatch();
    }
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("alter table organisation alter column name_key set not null");
      ddl.execute(
          "alter table organisation add constraint uk_organisation_name_key unique (name_key)");
    }
  }
}
