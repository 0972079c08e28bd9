package io.casteroperator.bench;

import java.time.Duration;

/** Phase 3: the operator restarted, with every Caster converged: it must find nothing to write. */
final class RestartPhase {

  /** Any straggler reconcile that would call gets this long to do so. */
  private static final Duration STRAGGLERS = Duration.ofSeconds(2);

  /**
   * @param setCasterConfigCalls SetCasterConfig calls after the restart (goal: 0)
   * @param otherCalls other Live API calls after the restart
   */
  record Result(long setCasterConfigCalls, long otherCalls) {}

  private RestartPhase() {}

  static Result measure(BenchRun run) throws Exception {
    BenchRun.CallTotals before = run.calls();
    run.startOperator(run.operatorSettings);
    Waits.until(() -> run.operator().reconciles() >= run.casters(), Duration.ofSeconds(60 + run.casters() / 50),
        "the restarted operator to reconcile every Caster");
    Waits.sleep(STRAGGLERS);
    BenchRun.CallTotals calls = run.calls().minus(before);
    return new Result(calls.writes(), calls.all() - calls.writes());
  }
}
