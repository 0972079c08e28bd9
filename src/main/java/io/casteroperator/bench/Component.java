package io.casteroperator.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The parts of a benchmark run whose CPU is told apart, by the thread group their threads belong
 * to.
 *
 * <p>Thread names cannot tell the parts apart: the operator's Kubernetes client, the bench's own
 * clients and the mock API server's client all run {@code HttpClient-N-SelectorManager} and
 * {@code JdkHttpClientFactory-…} threads, and JOSDK's reconcile pool is a plain {@code pool-N-thread-N}
 * except while it reconciles. A thread group, though, is inherited: a thread started without one
 * joins the group of the thread that starts it, and {@code Executors.defaultThreadFactory()} takes
 * the group of the thread that made the factory. So a part started on a thread of its own group
 * (the operator with its client, the API server, the emulator) keeps every thread it starts, and
 * they start, in that group. The families each part's CPU came from are in the report
 * ({@code cpuSecondsByThreadFamily}), so the attribution can be checked on every run.
 */
enum Component {
  /** The operator: JOSDK, its informers and timers, its Kubernetes client, the Live SDK's threads. */
  OPERATOR("caster-operator"),
  /** The in-process Kubernetes API server (fabric8's mock on Vert.x). */
  API_SERVER("kube-api-server"),
  /** The Live API emulator (the JDK's HTTP server and its handler pool). */
  EMULATOR("live-emulator"),
  /** The benchmark itself: submitters, the Ready tracker, the co-tenant, the CPU sampler. */
  BENCH(null),
  /** The JVM's own work: GC and JIT threads (no Java thread shows them), and the system thread group. */
  JVM(null);

  private final ThreadGroup group;

  Component(String groupName) {
    if (groupName == null) {
      this.group = null;
    } else {
      this.group = new ThreadGroup(groupName);
      // A daemon group is destroyed with its last thread; the operator restarts in the same group.
      this.group.setDaemon(false);
    }
  }

  /**
   * Runs {@code task} on a new thread of this part's group and waits for it. Everything the task
   * starts, and what that starts, counts as this part.
   */
  <T> T run(Callable<T> task) throws Exception {
    if (group == null) {
      return task.call();
    }
    FutureTask<T> future = new FutureTask<>(task);
    Thread thread = new Thread(group, future, group.getName() + "-starter");
    thread.start();
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The part whose threads are in a group of this name, or null for the bench's and the JVM's. */
  static Component ofGroupName(String name) {
    for (Component c : values()) {
      if (c.group != null && c.group.getName().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The part a live thread works for: its group's, or the bench's under "main", else the JVM's. */
  static Component of(Thread thread) {
    boolean underMain = false;
    for (ThreadGroup g = thread.getThreadGroup(); g != null; g = g.getParent()) {
      for (Component c : values()) {
        if (c.group == g) {
          return c;
        }
      }
      underMain |= "main".equals(g.getName()) && g.getParent() != null && g.getParent().getParent() == null;
    }
    // Outside "main": the system group's Reference Handler, Finalizer, Signal Dispatcher, Common-Cleaner…
    return underMain ? BENCH : JVM;
  }
}
