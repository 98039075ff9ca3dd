package org.invisiblebars.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Real concurrency for the tests: each contender runs on its own thread, and all are held at a
 * latch until every one is ready, then released at once, as several people pressing a button at the
 * same moment. A few lines of {@code java.util.concurrent}; no library offers less.
 */
public final class Race {

  private static final long TIMEOUT_SECONDS = 120;

  private Race() {}

  /** Runs {@code contenders} at once and returns their results in the order given. */
  public static <T> List<T> run(List<Callable<T>> contenders) {
    ExecutorService threads = Executors.newFixedThreadPool(contenders.size());
    CountDownLatch ready = new CountDownLatch(contenders.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> contender : contenders) {
        futures.add(
            threads.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return contender.call();
                }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the contenders did not all get a thread");
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return results;
    } catch (Exception e) {
      // the cause in the message too: a build's summary shows only the message's first line
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      throw new IllegalStateException("a contender failed: " + cause, e);
    } finally {
      threads.shutdownNow();
    }
  }

  /** Runs {@code count} copies of {@code contender} at once; each gets its index. */
  public static <T> List<T> times(int count, IndexedContender<T> contender) {
    List<Callable<T>> contenders = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      contenders.add(() -> contender.call(index));
    }
    return run(contenders);
  }

  /** One contender of {@link #times}, told which one it is. */
  @FunctionalInterface
  public interface IndexedContender<T> {
    T call(int index) throws Exception;
  }
}
