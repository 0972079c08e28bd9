package io.casteroperator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of a family of threads (by name prefix), sampled while they live: pool threads come and
 * go, and a dead thread's time can no longer be read.
 */
final class ThreadCpu {

  private final String prefix;
  private final Map<Long, Long> nanosByThread = new ConcurrentHashMap<>();
  private final Thread sampler;
  private volatile boolean running = true;

  private ThreadCpu(String prefix) {
    this.prefix = prefix;
    this.sampler = new Thread(this::loop, "bench-cpu-sampler");
    sampler.setDaemon(true);
    sampler.start();
  }

  static ThreadCpu sample(String prefix) {
    return new ThreadCpu(prefix);
  }

  private void loop() {
    while (running) {
      record();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void record() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith(prefix)) {
        long nanos = threads.getThreadCpuTime(thread.getId());
        if (nanos > 0) {
          nanosByThread.merge(thread.getId(), nanos, Math::max);
        }
      }
    }
  }

  /** Stops sampling; the CPU seconds the threads used. */
  double stop() {
    running = false;
    record();
    return nanosByThread.values().stream().mapToLong(Long::longValue).sum() / 1e9;
  }
}
