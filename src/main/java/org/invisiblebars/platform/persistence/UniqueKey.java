package org.invisiblebars.platform.persistence;

import java.sql.SQLException;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Whether the database refused a row because a unique key was taken: a race that no lock prevents
 * (two requests creating the same new name at once), which the database decides. SQL state 23505 is
 * the unique violation on PostgreSQL and on H2 alike; Spring reports it, through JPA, only as a
 * {@link DataIntegrityViolationException}, as it reports a missing value or a too long one.
 */
public final class UniqueKey {

  static final String UNIQUE_VIOLATION = "23505";

  private UniqueKey() {}

  /** True when {@code refused} comes from a unique key (or primary key) already taken. */
  public static boolean taken(DataIntegrityViolationException refused) {
    for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
