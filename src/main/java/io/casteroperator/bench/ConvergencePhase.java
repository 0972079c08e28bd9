package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Phases 1 and 2: N Casters submitted at once, or every spec changed once, until all are Ready;
 * with the calls they cost and the CPU each part spent meanwhile.
 */
final class ConvergencePhase {

  /**
   * One phase's figures.
   *
   * @param elapsedSeconds first submission to the last Caster Ready
   * @param writes the operator's SetCasterConfig calls
   * @param throttled Throttling answers to the operator
   * @param readySeconds when each Caster became Ready, after the first submission, sorted
   * @param cpu CPU per part over the phase
   * @param reconciles the operator's reconciles over the phase
   * @param callsByAction the operator's calls of each action over the phase (the co-tenant's left out)
   */
  record Result(double elapsedSeconds, long writes, long throttled, List<Double> readySeconds, CpuSeconds cpu,
      double reconciles, Map<String, Long> callsByAction) {

    /** The share of all cores the run's processes kept busy. */
    double machineBusy() {
      return cpu.total() / (Runtime.getRuntime().availableProcessors() * elapsedSeconds);
    }
  }

  private ConvergencePhase() {}

  /** Phase 1: a Caster adopting each caster, all submitted at once; with a co-tenant burst when one is armed. */
  static Result rollout(BenchRun run, ReadyTracker tracker, CoTenantBurst burst) throws Exception {
    List<String> ids = run.casterIds();
    return measure(run, tracker, burst, () -> run.parallel(run.casters(), i -> run.client.resource(run.caster(i, ids.get(i))).create()));
  }

  /** Phase 2: every spec changed once. */
  static Result change(BenchRun run, ReadyTracker tracker) throws Exception {
    tracker.expectGeneration(2);
    return measure(run, tracker, null, () -> run.parallel(run.casters(), i -> run.client.resources(Caster.class)
        .inNamespace(BenchRun.NAMESPACE).withName(BenchRun.name(i)).edit(c -> {
          c.getSpec().setDelay(2.0);
          return c;
        })));
  }

  private interface Submission {
    void submit() throws InterruptedException;
  }

  private static Result measure(BenchRun run, ReadyTracker tracker, CoTenantBurst burst, Submission submission) throws Exception {
    BenchRun.CallTotals before = run.calls();
    Map<String, Long> byActionBefore = run.callsByAction();
    double reconcilesBefore = run.operator().reconciles();
    CpuSeconds cpuBefore = run.cpuNow();
    long start = System.nanoTime();
    if (burst != null) {
      burst.arm();
    }
    submission.submit();
    // A small studio's rollout needs twice the calls of one action (two inputs, two scenes).
    double ideal = run.options.idealSeconds() * (run.options.studio() ? 2 : 1);
    Waits.until(() -> tracker.readyCount() >= run.casters(), Duration.ofSeconds((long) (ideal * 3) + 120 + burstAllowance(burst)),
        "every Caster to be Ready");
    CpuSeconds cpu = run.cpuNow().minus(cpuBefore);
    double reconciles = run.operator().reconciles() - reconcilesBefore;
    List<Long> ready = tracker.readyTimes();
    BenchRun.CallTotals calls = run.calls().minus(before);
    Map<String, Long> byAction = new TreeMap<>(run.callsByAction());
    byAction.replaceAll((action, n) -> n - byActionBefore.getOrDefault(action, 0L));
    if (burst != null) {
      burst.awaitEnd();
      // The co-tenant's calls count in its account too; they are not the operator's.
      BenchRun.CallTotals theirs = burst.tally();
      calls = calls.minus(theirs);
      byAction.merge("SetCasterConfig", -theirs.all(), Long::sum);
    }
    byAction.values().removeIf(n -> n == 0);
    List<Double> readySeconds = ready.stream().map(t -> (t - start) / 1e9).toList();
    return new Result(readySeconds.get(readySeconds.size() - 1), calls.writes(), calls.throttled(), readySeconds, cpu, reconciles,
        byAction);
  }

  /** A throttled account recovers a tenth of its quota per recovery interval: allow for ten of them. */
  private static long burstAllowance(CoTenantBurst burst) {
    return burst == null ? 0 : burst.allowanceSeconds();
  }
}
