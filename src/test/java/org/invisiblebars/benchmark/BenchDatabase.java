package org.invisiblebars.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.h2.engine.Constants;

/**
 * The one kind of database both applications run on, a database each: embedded PostgreSQL by
 * default (one server from the binaries Maven brings, one database per application), or an H2 file
 * each ({@code -Dbenchmark.db=h2}).
 *
 * <p>On PostgreSQL every statement of both databases is cancelled after {@link #STATEMENT_TIMEOUT}:
 * at volume a query the engine cannot run with its indexes would otherwise go on for minutes after
 * the benchmark gave up on its request, and slow every later measure. Such a request answers an
 * error, which the table shows.
 */
abstract class BenchDatabase implements AutoCloseable {

  static final String STATEMENT_TIMEOUT = "30s";

  private final String kind;
  private final String username;

  BenchDatabase(String kind, String username) {
    this.kind = kind;
    this.username = username;
  }

  static BenchDatabase start(String kind, Path directory) {
    return switch (kind) {
      case "postgres" -> new Postgres();
      case "h2" -> new H2(directory);
      default -> throw new IllegalArgumentException("benchmark.db is postgres or h2, not " + kind);
    };
  }

  final String kind() {
    return kind;
  }

  abstract String url(String database);

  final String username() {
    return username;
  }

  /** Neither database has a password: both listen on the loopback interface only, for this run. */
  final String password() {
    return "";
  }

  /** What was used, for the JSON: version and the settings that weigh on speed. */
  abstract Map<String, String> description();

  @Override
  public abstract void close();

  private static final class Postgres extends BenchDatabase {

    private final EmbeddedPostgres server;

    Postgres() {
      super("postgres", "postgres");
      try {
        server = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start();
        for (String database : new String[] {"bare", "ours"}) {
          execute("create database " + database);
          execute(
              "alter database "
                  + database
                  + " set statement_timeout = '"
                  + STATEMENT_TIMEOUT
                  + "'");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }

    private void execute(String sql) {
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        statement.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    }

    @Override
    String url(String database) {
      return server.getJdbcUrl("postgres", database);
    }

    @Override
    Map<String, String> description() {
      Map<String, String> settings = new LinkedHashMap<>();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery(
                  "select name, setting from pg_settings where name in ('server_version',"
                      + " 'fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_connections') order by name")) {
        settings.put("kind", "embedded PostgreSQL");
        while (rows.next()) {
          settings.put(rows.getString(1), rows.getString(2));
        }
        settings.put("statement_timeout", STATEMENT_TIMEOUT);
      } catch (SQLException e) {
        settings.put("error", e.getMessage());
      }
      return settings;
    }

    @Override
    public void close() {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final class H2 extends BenchDatabase {

    private final Path directory;

    H2(Path directory) {
      super("h2", "sa");
      this.directory = directory.resolve("h2").toAbsolutePath();
      try {
        // a new database each run: the files of the last one are removed first
        if (Files.exists(this.directory)) {
          try (var old = Files.walk(this.directory)) {
            old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
          }
        }
        Files.createDirectories(this.directory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** As application.yaml opens its file: each commit written before it is acknowledged. */
    @Override
    String url(String database) {
      return "jdbc:h2:file:"
          + directory.resolve(database)
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    @Override
    Map<String, String> description() {
      return Map.of("kind", "H2 file", "version", Constants.FULL_VERSION, "url", url("NAME"));
    }

    @Override
    public void close() {
      // the files stay under target/benchmark for a look after the run
    }
  }
}
