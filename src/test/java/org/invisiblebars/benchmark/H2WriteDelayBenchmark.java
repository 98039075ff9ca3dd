package org.invisiblebars.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: what H2's durability costs. Twelve writers each insert one row per transaction into
 * an H2 file for 8 s, with H2's default {@code WRITE_DELAY} (500 ms, commits reach the file later)
 * and with 0 (the setting of application.yaml: each commit is written before it is acknowledged),
 * twice each. The figures are in docs/operations.md. Run it with {@code java -cp
 * ~/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
 * src/test/java/org/invisiblebars/benchmark/H2WriteDelayBenchmark.java}.
 */
public final class H2WriteDelayBenchmark {

  private static final int WRITERS = 12;
  private static final long SECONDS = 8;

  private H2WriteDelayBenchmark() {}

  public static void main(String[] args) throws Exception {
    for (String writeDelay : new String[] {"500", "0", "500", "0"}) {
      Path directory = Files.createTempDirectory("h2-write-delay");
      String url =
          "jdbc:h2:file:"
              + directory.resolve("db")
              + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY="
              + writeDelay;
      try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
        connection
            .createStatement()
            .execute("create table t (id uuid primary key, name varchar(200), created timestamp)");
      }
      AtomicLong commits = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
      ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
      for (int i = 0; i < WRITERS; i++) {
        writers.submit(
            () -> {
              try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                connection.setAutoCommit(false);
                PreparedStatement insert =
                    connection.prepareStatement(
                        "insert into t values (random_uuid(), 'x', current_timestamp)");
                while (System.nanoTime() < end) {
                  insert.execute();
                  connection.commit();
                  commits.incrementAndGet();
                }
              }
              return null;
            });
      }
      writers.shutdown();
      writers.awaitTermination(1, TimeUnit.MINUTES);
      System.out.printf("WRITE_DELAY=%s: %d commits/s%n", writeDelay, commits.get() / SECONDS);
      try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
        connection.createStatement().execute("drop all objects delete files");
      } catch (SQLException e) {
        System.err.println("could not remove " + directory + ": " + e.getMessage());
      }
    }
  }
}
