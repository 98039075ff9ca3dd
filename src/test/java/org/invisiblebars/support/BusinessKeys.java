package org.invisiblebars.support;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The business key of a case's process instance: the case's reference ({@code VIS-2026-0345}), not
 * its id. Tests that know a case by the id the API answered with find its instance through this, on
 * the embedded PostgreSQL database the integration tests share.
 */
public final class BusinessKeys {

  private static JdbcTemplate jdbc;

  private BusinessKeys() {}

  /**
   * The reference of the accreditation, visit, report or coordination meeting {@code caseId}; a
   * reference, or the id of another kind of record, as it is.
   */
  public static String of(String caseId) {
    UUID id;
    try {
      id = UUID.fromString(caseId);
    } catch (IllegalArgumentException alreadyAReference) {
      return caseId;
    }
    List<String> found =
        database()
            .queryForList(
                "select reference from accreditation where id = ?"
                    + " union all select reference from visit where id = ?"
                    + " union all select reference from report where id = ?"
                    + " union all select reference from coordination_meeting where id = ?",
                String.class,
                id,
                id,
                id,
                id);
    // another process's key (an incident's): the id itself; an agreed action's instance has its
    // meeting's reference
    return found.size() == 1 ? found.get(0) : caseId;
  }

  private static synchronized JdbcTemplate database() {
    if (jdbc == null) {
      jdbc =
          new JdbcTemplate(
              new DriverManagerDataSource(
                  EmbeddedPostgresDatabase.jdbcUrl(),
                  EmbeddedPostgresDatabase.username(),
                  EmbeddedPostgresDatabase.password()));
    }
    return jdbc;
  }
}
