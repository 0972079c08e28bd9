package io.casteroperator.bench;

/**
 * CPU seconds per part of a run, cumulative or over a window.
 *
 * @param operator the operator's threads (all of them: reconciles, informers, timers, HTTP clients)
 * @param apiServer the Kubernetes API server's threads
 * @param emulator the Live API emulator's threads
 * @param bench the benchmark's own threads (submitters, Ready tracker, co-tenant, sampler)
 * @param jvm the bench JVM's GC and JIT, and threads that ended between two samples: shared by all
 *     parts that live in that JVM, so nobody's
 * @param serversJvm with {@code --split}: the servers JVM's GC, JIT and other threads; 0 otherwise
 */
public record CpuSeconds(double operator, double apiServer, double emulator, double bench, double jvm, double serversJvm) {

  static final CpuSeconds ZERO = new CpuSeconds(0, 0, 0, 0, 0, 0);

  CpuSeconds plus(CpuSeconds o) {
    return new CpuSeconds(operator + o.operator, apiServer + o.apiServer, emulator + o.emulator, bench + o.bench,
        jvm + o.jvm, serversJvm + o.serversJvm);
  }

  CpuSeconds minus(CpuSeconds o) {
    return new CpuSeconds(operator - o.operator, apiServer - o.apiServer, emulator - o.emulator, bench - o.bench,
        jvm - o.jvm, serversJvm - o.serversJvm);
  }

  /** Every process of the run together. */
  public double total() {
    return operator + apiServer + emulator + bench + jvm + serversJvm;
  }
}
