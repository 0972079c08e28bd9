package io.casteroperator.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU of the JVM's own threads, which no Java API lists: GC workers, JIT compilers, the VM thread.
 * Read per native thread from Linux's {@code /proc/self/task/<tid>/schedstat} (nanoseconds on a
 * CPU), picked by the names HotSpot gives them. Elsewhere it reads nothing, and {@link #available()}
 * says so.
 */
final class JvmThreadsCpu {

  private static final Path TASKS = Path.of("/proc/self/task");
  /** HotSpot's names for threads that run no Java code (truncated to 15 characters, as Linux keeps them). */
  private static final List<String> JVM_THREADS = List.of("GC Thread", "G1 ", "VM Thread", "VM Periodic",
      "C1 CompilerThre", "C2 CompilerThre", "Sweeper thread", "Service Thread", "Monitor Deflati", "JFR Recorder Th");

  private final boolean available = Files.isReadable(TASKS);
  /** Native thread id → whether it is one of the JVM's own (its name is read once). */
  private final Map<String, Boolean> isJvmThread = new HashMap<>();
  /** Native thread id → the most CPU seen for it, of the JVM's own threads. */
  private final Map<String, Long> nanos = new HashMap<>();

  boolean available() {
    return available;
  }

  /** CPU nanoseconds of the JVM's own threads so far (those that ended keep their last reading). */
  synchronized long nanos() {
    if (!available) {
      return 0;
    }
    Set<String> alive = new HashSet<>();
    try (Stream<Path> tasks = Files.list(TASKS)) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        String tid = task.getFileName().toString();
        alive.add(tid);
        if (isJvmThread.computeIfAbsent(tid, t -> jvmThread(task))) {
          long cpu = schedstat(task);
          if (cpu >= 0) {
            nanos.merge(tid, cpu, Math::max);
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      // a thread ended while listed: the next reading has it right
    }
    isJvmThread.keySet().retainAll(alive); // short-lived threads come and go by the thousand
    return nanos.values().stream().mapToLong(Long::longValue).sum();
  }

  private static boolean jvmThread(Path task) {
    try {
      String name = Files.readString(task.resolve("comm")).strip();
      return JVM_THREADS.stream().anyMatch(name::startsWith);
    } catch (IOException e) {
      return false;
    }
  }

  private static long schedstat(Path task) {
    try {
      String line = Files.readString(task.resolve("schedstat"));
      return Long.parseLong(line.substring(0, line.indexOf(' ')));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
