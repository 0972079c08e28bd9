package io.casteroperator.bench;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongPredicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordedThreadGroup;
import jdk.jfr.consumer.RecordingStream;

/**
 * Which part's threads run the CPU that no thread's own clock can show: threads that live a few
 * milliseconds, between two samples of {@link ComponentCpu}.
 *
 * <p>There are thousands of them. The JDK's HTTP client hands every response of {@code sendAsync}
 * to {@code CompletableFuture}'s default executor, and on a machine of one or two cores (a pod with
 * a CPU limit of 1 or 2) that executor starts a new thread per task; fabric8's Kubernetes client
 * calls {@code sendAsync}, so each answer of the API server is read on a thread of its own, which
 * is gone before its CPU time can be read. Java Flight Recorder's execution samples (every 10 ms)
 * name the running thread and its group; this counts them, for threads {@link ComponentCpu} does not
 * track, per part, so that the CPU those threads used can be shared out in proportion.
 */
final class ShortThreadSamples implements AutoCloseable {

  private static final Duration PERIOD = Duration.ofMillis(10);

  private final LongPredicate tracked;
  private final Map<Component, Long> samples = new EnumMap<>(Component.class);
  private final RecordingStream stream;

  /** @param tracked whether a Java thread id is one whose CPU is read from its own clock */
  ShortThreadSamples(LongPredicate tracked) {
    this.tracked = tracked;
    RecordingStream s = null;
    try {
      s = new RecordingStream();
      s.enable("jdk.ExecutionSample").withPeriod(PERIOD);
      // The samples are counted as they come: keep no more of them on disk than a minute, over
      // runs of an hour.
      s.setMaxAge(Duration.ofMinutes(1));
      s.onEvent("jdk.ExecutionSample", this::sampled);
      s.startAsync();
    } catch (RuntimeException | Error e) {
      // No Flight Recorder in this JVM: the short threads' CPU stays with the JVM's (see ComponentCpu).
      s = null;
    }
    this.stream = s;
  }

  boolean available() {
    return stream != null;
  }

  private void sampled(RecordedEvent event) {
    RecordedThread thread = event.getThread("sampledThread");
    if (thread == null || tracked.test(thread.getJavaThreadId())) {
      return;
    }
    Component part = part(thread.getThreadGroup());
    synchronized (samples) {
      samples.merge(part, 1L, Long::sum);
    }
  }

  /** The samples counted since the last call, per part; the count starts again. */
  Map<Component, Long> drain() {
    synchronized (samples) {
      Map<Component, Long> out = new EnumMap<>(samples);
      samples.clear();
      return out;
    }
  }

  /** The part of a recorded thread, by its group's name (as {@link Component#of} does by the group). */
  private static Component part(RecordedThreadGroup group) {
    boolean underMain = false;
    for (RecordedThreadGroup g = group; g != null; g = g.getParent()) {
      Component c = Component.ofGroupName(g.getName());
      if (c != null) {
        return c;
      }
      underMain |= "main".equals(g.getName()) && g.getParent() != null && g.getParent().getParent() == null;
    }
    return underMain ? Component.BENCH : Component.JVM;
  }

  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    }
  }
}
