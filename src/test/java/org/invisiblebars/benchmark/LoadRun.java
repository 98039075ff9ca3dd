package org.invisiblebars.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The two load models, driving three-task lifecycles against one application.
 *
 * <p>Closed loop: {@code clients} callers, each starting its next lifecycle when the last one
 * ended, for a fixed time; throughput is what the application allows. Open model: lifecycles arrive
 * at a fixed rate whatever the application does, each handled by a free worker; a lifecycle's time
 * counts from its planned arrival, so time spent queueing behind a slow application shows in its
 * percentiles instead of lowering the rate (no coordinated omission).
 */
final class LoadRun {

  /**
   * What one run did: its latencies, lifecycles finished and failed (in the open model also those
   * still queued when the run's time was twice over, never started), and its measured time.
   */
  record Outcome(Latencies latencies, int finished, int failed, double seconds) {

    double perSecond() {
      return finished / seconds;
    }
  }

  /**
   * At most this many lifecycles in flight in the open model: beyond it arrivals wait (and count
   * the wait).
   */
  static final int OPEN_WORKERS = 64;

  private LoadRun() {}

  static Outcome closed(Supplier<Caller> callers, int clients, Duration duration) {
    Latencies latencies = new Latencies();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    List<Future<?>> loops = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Caller caller = callers.get();
      loops.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end) {
                  (ThreeTaskProcess.run(caller, latencies, null, System.nanoTime())
                          ? finished
                          : failed)
                      .incrementAndGet();
                }
              }));
    }
    awaitAll(pool, loops);
    return new Outcome(latencies, finished.get(), failed.get(), (System.nanoTime() - start) / 1e9);
  }

  static Outcome open(Supplier<Caller> callers, double perSecond, Duration duration) {
    Latencies latencies = new Latencies();
    AtomicInteger finished = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            OPEN_WORKERS, OPEN_WORKERS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
    ThreadLocal<Caller> caller = ThreadLocal.withInitial(callers);
    long start = System.nanoTime();
    long interval = (long) (1e9 / perSecond);
    int arrivals = (int) Math.round(duration.toSeconds() * perSecond);
    // an application that cannot keep up would otherwise make the run last as long as its queue
    long abandonQueued = start + 2 * duration.toNanos();
    List<Future<?>> lifecycles = new ArrayList<>();
    for (int i = 0; i < arrivals; i++) {
      long planned = start + i * interval;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        BenchApplication.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
      }
      lifecycles.add(
          pool.submit(
              () ->
                  (System.nanoTime() < abandonQueued
                              && ThreeTaskProcess.run(caller.get(), latencies, null, planned)
                          ? finished
                          : failed)
                      .incrementAndGet()));
    }
    awaitAll(pool, lifecycles);
    return new Outcome(latencies, finished.get(), failed.get(), (System.nanoTime() - start) / 1e9);
  }

  private static void awaitAll(ExecutorService pool, List<Future<?>> work) {
    try {
      for (Future<?> future : work) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
