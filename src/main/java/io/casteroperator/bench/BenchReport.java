package io.casteroperator.bench;

import java.util.List;

/**
 * The figures of one benchmark run.
 *
 * @param casters N
 * @param qps Q
 * @param submitters how many clients submitted the Casters and the changes, concurrently
 * @param warmUp whether one Caster was applied and deleted before the measurement
 * @param idealSeconds N / Q: the fastest the quota allows
 * @param elapsedSeconds phase 1: first submission to last Caster Ready
 * @param ratioToIdeal elapsed / ideal (goal: at most 1.05)
 * @param setCasterConfigCallsPerCaster phase 1 (goal: exactly 1.00)
 * @param throttled Throttling answers in phase 1 (goal: 0)
 * @param peakCallsPerSecond the emulator's highest number of SetCasterConfig calls attempted in one second (goal: at most Q)
 * @param utilisation SetCasterConfig calls / (Q x elapsed) (goal: at least 0.95)
 * @param changeElapsedSeconds phase 2: every spec changed once, until all Ready again
 * @param changeRatioToIdeal phase 2 elapsed / ideal
 * @param changeCallsPerCaster phase 2 SetCasterConfig calls per Caster (goal: 1.00)
 * @param changeThrottled phase 2 Throttling answers
 * @param restartSetCasterConfigCalls phase 3: calls after an operator restart (goal: 0)
 * @param restartOtherCalls phase 3: other Live API calls after the restart
 * @param latencyP50Millis spec change to SetCasterConfig arrival with a free budget, median
 * @param latencyP99Millis the same, 99th percentile
 * @param operatorHeapMiB heap held by the operator after GC (heap with it minus without it)
 * @param heapKiBPerCaster the same per Caster
 * @param processCpuSeconds CPU time of the whole process (operator, emulator and mock API server)
 * @param reconcilerCpuSeconds CPU time of the operator's reconcile threads
 * @param readySeconds phase 1: seconds after the first submission at which each Caster became Ready
 * @param unrelatedSecrets Secrets of 64 KiB no Caster names, in the watched namespace during the run
 */
public record BenchReport(
    int casters,
    int qps,
    int submitters,
    boolean warmUp,
    double idealSeconds,
    double elapsedSeconds,
    double ratioToIdeal,
    double setCasterConfigCallsPerCaster,
    long throttled,
    int peakCallsPerSecond,
    double utilisation,
    double changeElapsedSeconds,
    double changeRatioToIdeal,
    double changeCallsPerCaster,
    long changeThrottled,
    long restartSetCasterConfigCalls,
    long restartOtherCalls,
    double latencyP50Millis,
    double latencyP99Millis,
    double operatorHeapMiB,
    double heapKiBPerCaster,
    double processCpuSeconds,
    double reconcilerCpuSeconds,
    List<Double> readySeconds,
    int unrelatedSecrets) {

  /** The figures against the goals of issue #8, as a table. */
  public String table() {
    String format = "%-48s %14s %12s%n";
    StringBuilder out = new StringBuilder(String.format(
        "Benchmark: %d Casters at %d calls/s, submitted by %d clients at once, %s (ideal %.1f s)%s%n", casters, qps,
        submitters, warmUp ? "after a warm-up Caster" : "cold", idealSeconds,
        unrelatedSecrets == 0 ? "" : ", beside " + unrelatedSecrets + " unrelated Secrets of 64 KiB"));
    out.append(String.format(format, "figure", "measured", "goal"));
    out.append(String.format(format, "phase 1: time to all Ready (s)", f(elapsedSeconds), ""));
    out.append(String.format(format, "phase 1: ratio to N/Q", f3(ratioToIdeal), "<= 1.05"));
    out.append(String.format(format, "phase 1: SetCasterConfig calls per Caster", f3(setCasterConfigCallsPerCaster), "1.00"));
    out.append(String.format(format, "phase 1: Throttling answers", throttled, "0"));
    out.append(String.format(format, "phase 1: peak SetCasterConfig calls in 1 s", peakCallsPerSecond, "<= " + qps));
    out.append(String.format(format, "phase 1: quota utilisation", f3(utilisation), ">= 0.95"));
    out.append(String.format(format, "phase 2: time to all Ready after a change (s)", f(changeElapsedSeconds), ""));
    out.append(String.format(format, "phase 2: ratio to N/Q", f3(changeRatioToIdeal), "<= 1.05"));
    out.append(String.format(format, "phase 2: SetCasterConfig calls per Caster", f3(changeCallsPerCaster), "1.00"));
    out.append(String.format(format, "phase 2: Throttling answers", changeThrottled, "0"));
    out.append(String.format(format, "phase 3: SetCasterConfig calls after restart", restartSetCasterConfigCalls, "0"));
    out.append(String.format(format, "phase 3: other Live API calls after restart", restartOtherCalls, ""));
    out.append(String.format(format, "change -> call latency p50 (ms)", f(latencyP50Millis), ""));
    out.append(String.format(format, "change -> call latency p99 (ms)", f(latencyP99Millis), ""));
    out.append(String.format(format, "operator heap after GC (MiB)", f(operatorHeapMiB), ""));
    out.append(String.format(format, "operator heap per Caster (KiB)", f(heapKiBPerCaster), "<< 1024"));
    out.append(String.format(format, "process CPU, all components (s)", f(processCpuSeconds), ""));
    out.append(String.format(format, "reconcile threads CPU (s)", f(reconcilerCpuSeconds), ""));
    return out.toString();
  }

  private static String f(double value) {
    return String.format("%.1f", value);
  }

  private static String f3(double value) {
    return String.format("%.3f", value);
  }
}
