package io.casteroperator.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CPU time per {@link Component} of this JVM. Each thread's own CPU clock is read while it lives
 * (every 200 ms, and at every reading): pool threads come and go, and an ended thread's time can no
 * longer be read. What no live thread accounts for is split in two: the JVM's own threads (GC, JIT;
 * {@link JvmThreadsCpu}), and threads too short-lived to be sampled, shared out between the parts in
 * proportion to Flight Recorder's execution samples of such threads ({@link ShortThreadSamples}).
 * The JVM's share also holds what could not be shared out yet (the recorder reports about a second
 * late) or at all (no /proc, no recorder).
 */
final class ComponentCpu implements AutoCloseable {

  /** JOSDK names a reconcile thread so while it reconciles, and gives the pool's name back afterwards. */
  static final String RECONCILE_PREFIX = "ReconcilerExecutor";
  /** The family that the short-lived threads' share is reported under, per part. */
  static final String SHORT_LIVED = "(threads too short-lived to sample, by execution samples)";
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final long SAMPLE_MILLIS = 200;

  private static final class Seen {
    final Component component;
    String family;
    boolean reconciles;
    long nanos;

    Seen(Component component, String family) {
      this.component = component;
      this.family = family;
    }
  }

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Map<Long, Seen> seen = new ConcurrentHashMap<>();
  private final JvmThreadsCpu jvmThreads = new JvmThreadsCpu();
  private final ShortThreadSamples shortThreads;
  private final Map<Component, Long> shortNanos = new EnumMap<>(Component.class);
  private final Map<Component, Long> pendingSamples = new EnumMap<>(Component.class);
  private long lastUnaccounted;
  private long pendingNanos;
  private long jvmThreadNanos;
  private final Thread sampler;
  private volatile boolean running = true;

  private ComponentCpu() {
    if (!threads.isThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure CPU time per thread");
    }
    threads.setThreadCpuTimeEnabled(true);
    shortThreads = new ShortThreadSamples(seen::containsKey);
    sampler = new Thread(this::loop, "bench-cpu-sampler");
    sampler.setDaemon(true);
  }

  static ComponentCpu start() {
    ComponentCpu cpu = new ComponentCpu();
    cpu.sample();
    cpu.sampler.start();
    return cpu;
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private synchronized void sample() {
    long threadSum = 0;
    for (Thread thread : allThreads()) {
      long nanos = threads.getThreadCpuTime(thread.getId());
      if (nanos < 0) {
        continue; // ended since it was listed
      }
      String name = thread.getName();
      Seen s = seen.computeIfAbsent(thread.getId(), id -> new Seen(Component.of(thread), family(name)));
      if (name.startsWith(RECONCILE_PREFIX) && !s.reconciles) {
        s.reconciles = true;
        s.family = family(name);
      }
      s.nanos = Math.max(s.nanos, nanos);
    }
    for (Seen s : seen.values()) {
      threadSum += s.nanos;
    }
    jvmThreadNanos = jvmThreads.nanos();
    shareOutUnaccounted(Math.max(0, processCpuNanos() - threadSum - jvmThreadNanos));
  }

  /**
   * CPU no sampled thread accounts for (short-lived threads, and the last moments of ended ones)
   * goes to the parts in proportion to the execution samples of unsampled threads; until such
   * samples come, it waits.
   */
  private void shareOutUnaccounted(long unaccounted) {
    pendingNanos = Math.max(0, pendingNanos + unaccounted - lastUnaccounted);
    lastUnaccounted = unaccounted;
    shortThreads.drain().forEach((part, n) -> pendingSamples.merge(part, n, Long::sum));
    long samples = pendingSamples.values().stream().mapToLong(Long::longValue).sum();
    if (samples == 0 || pendingNanos == 0) {
      return;
    }
    for (Map.Entry<Component, Long> e : pendingSamples.entrySet()) {
      shortNanos.merge(e.getKey(), pendingNanos * e.getValue() / samples, Long::sum);
    }
    pendingNanos = 0;
    pendingSamples.clear();
  }

  /** CPU seconds per part so far: each thread's since it started, the JVM's since the process did. */
  synchronized CpuSeconds totals() {
    sample();
    Map<Component, Long> nanos = new EnumMap<>(shortNanos);
    for (Seen s : seen.values()) {
      nanos.merge(s.component, s.nanos, Long::sum);
    }
    nanos.merge(Component.JVM, jvmThreadNanos + pendingNanos, Long::sum);
    return new CpuSeconds(seconds(nanos, Component.OPERATOR), seconds(nanos, Component.API_SERVER),
        seconds(nanos, Component.EMULATOR), seconds(nanos, Component.BENCH), seconds(nanos, Component.JVM), 0);
  }

  /** Whether the CPU of threads too short-lived to sample is shared out (Linux with Flight Recorder). */
  boolean sharesShortLivedThreads() {
    return jvmThreads.available() && shortThreads.available();
  }

  /** CPU seconds of the threads JOSDK reconciled on (the figure {@code reconcilerCpuSeconds}). */
  synchronized double reconcileThreadSeconds() {
    sample();
    return seen.values().stream().filter(s -> s.reconciles).mapToLong(s -> s.nanos).sum() / 1e9;
  }

  /**
   * Part → thread family (the name with digits as N) → CPU seconds since each thread started: what
   * shows that each part's threads are the ones expected.
   */
  synchronized Map<String, Map<String, Double>> byFamily() {
    sample();
    Map<String, Map<String, Double>> out = new TreeMap<>();
    for (Seen s : seen.values()) {
      out.computeIfAbsent(s.component.name(), c -> new TreeMap<>()).merge(s.family, s.nanos / 1e9, Double::sum);
    }
    shortNanos.forEach((part, n) -> out.computeIfAbsent(part.name(), c -> new TreeMap<>()).merge(SHORT_LIVED, n / 1e9, Double::sum));
    out.computeIfAbsent(Component.JVM.name(), c -> new TreeMap<>()).merge("(GC, JIT and VM threads)", jvmThreadNanos / 1e9, Double::sum);
    return out;
  }

  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static double seconds(Map<Component, Long> nanos, Component c) {
    return nanos.getOrDefault(c, 0L) / 1e9;
  }

  private static String family(String threadName) {
    return DIGITS.matcher(threadName).replaceAll("N");
  }

  private static Thread[] allThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] all = new Thread[root.activeCount() + 32];
    int n = root.enumerate(all, true);
    while (n == all.length) {
      all = new Thread[all.length * 2];
      n = root.enumerate(all, true);
    }
    return Arrays.copyOf(all, n);
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    shortThreads.close();
  }
}
