package io.casteroperator.bench;

import java.time.Duration;

/**
 * Every Caster converged and none due: what the operator costs while nothing happens. Measured
 * right after phase 2, when every caster was just written and its next drift check is a drift
 * interval (10 minutes) away: unless an account holds more casters than one interval's reads
 * (then its sweep never stops, and the figure includes it: see {@code idleLiveApiCalls}).
 */
final class IdlePhase {

  /** The operator counts as settled once no reconcile ran for this long. */
  private static final Duration SETTLED = Duration.ofSeconds(1);
  private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(10);

  /**
   * The idle phase's figures.
   *
   * @param idleSeconds how long it was measured ({@code --idle-seconds})
   * @param idleOperatorCpuPercent the operator's CPU (all its threads) in percent of one core
   * @param idleReconciles reconciles meanwhile
   * @param idleLiveApiCalls Live API calls of the operator's accounts meanwhile
   */
  record Figures(double idleSeconds, double idleOperatorCpuPercent, double idleReconciles, long idleLiveApiCalls) {}

  private IdlePhase() {}

  static Figures measure(BenchRun run, Duration length) throws Exception {
    awaitSettled(run);
    double reconcilesBefore = run.operator().reconciles();
    long callsBefore = run.calls().all();
    CpuSeconds before = run.cpuNow();
    long start = System.nanoTime();
    Waits.sleep(length);
    CpuSeconds cpu = run.cpuNow().minus(before);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Figures(seconds, 100 * cpu.operator() / seconds, run.operator().reconciles() - reconcilesBefore,
        run.calls().all() - callsBefore);
  }

  /**
   * Status patches and their echoes of the last phase may still run: wait until reconciles stop, or
   * for at most {@link #SETTLE_AT_MOST} (an account whose sweep never stops never settles).
   */
  private static void awaitSettled(BenchRun run) throws Exception {
    long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
    double last = run.operator().reconciles();
    long quietSince = System.nanoTime();
    while (System.nanoTime() - quietSince < SETTLED.toNanos() && System.nanoTime() < deadline) {
      Waits.sleep(Duration.ofMillis(100));
      double now = run.operator().reconciles();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }
}
