package io.casteroperator.bench;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The figures of one benchmark run. The phases' own figures are written unwrapped, as top-level
 * keys; those of a phase that did not run ({@code --drift}, {@code --co-tenant-burst}) are left out.
 *
 * @param casters N
 * @param qps Q, every action's quota per account
 * @param accounts K, the accounts the Casters are spread over
 * @param split whether the API server and the emulator ran in a JVM of their own
 * @param submitters how many clients submitted the Casters and the changes, concurrently
 * @param warmUp whether one Caster was applied and deleted before the measurement
 * @param idealSeconds N / (K·Q): the fastest the quotas allow
 * @param elapsedSeconds phase 1: first submission to last Caster Ready
 * @param ratioToIdeal elapsed / ideal (goal: at most 1.05)
 * @param setCasterConfigCallsPerCaster phase 1 (goal: exactly 1.00)
 * @param throttled Throttling answers to the operator in phase 1 (goal: 0 without a co-tenant)
 * @param peakCallsPerSecond the emulator's highest number of SetCasterConfig calls attempted in one
 *     second, over the accounts (each account's own peak; never a sum) (goal: at most Q)
 * @param utilisation SetCasterConfig calls / (K·Q x elapsed) (goal: at least 0.95)
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
 * @param processCpuSeconds CPU time of every process of the run (operator, emulator and API server),
 *     from the warm-up to the end of the latency samples
 * @param reconcilerCpuSeconds CPU time of the operator's reconcile threads, the same time
 * @param operatorCpuMsPerApply the operator's CPU (all its threads) over phases 1 and 2, per applied
 *     Caster (2N applies) (goal: at most 2 ms)
 * @param reconcilesPerApply the operator's reconciles over phases 1 and 2, per applied Caster
 * @param phase1Cpu CPU seconds per part during phase 1
 * @param phase2Cpu CPU seconds per part during phase 2
 * @param phase1MachineBusy phase 1: the share of all the machine's cores the run kept busy
 * @param phase2MachineBusy the same, phase 2
 * @param phase1LimitedBy what set phase 1's pace: "quota" (ratio ≤ 1.05; with a studio, {@code
 *     studioRatioToIdeal}), "cpu:&lt;part&gt;" (the
 *     cores were busy, this part the largest user, GC and JIT aside) or "neither" (waits: latency, not CPU)
 * @param idle the idle phase
 * @param drift the drift sweep; null without {@code --drift}
 * @param burst the co-tenant burst; null without {@code --co-tenant-burst}
 * @param studio whether every Caster had a small studio ({@code --studio})
 * @param studioFigures phase 1's calls per Caster by action and its ratio to the ideal for them; null
 *     without {@code --studio}
 * @param availableProcessors cores of this machine (as the JVM sees them)
 * @param cpuSecondsByThreadFamily part → thread name family → CPU seconds over the whole run, in the
 *     bench's JVM: the attribution of threads to parts, to check
 * @param readySeconds phase 1: seconds after the first submission at which each Caster became Ready
 * @param unrelatedSecrets Secrets of 64 KiB no Caster names, in the watched namespace during the run
 */
public record BenchReport(
    int casters,
    int qps,
    int accounts,
    boolean split,
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
    double operatorCpuMsPerApply,
    double reconcilesPerApply,
    CpuSeconds phase1Cpu,
    CpuSeconds phase2Cpu,
    double phase1MachineBusy,
    double phase2MachineBusy,
    String phase1LimitedBy,
    @JsonUnwrapped IdlePhase.Figures idle,
    @JsonUnwrapped DriftPhase.Figures drift,
    @JsonUnwrapped CoTenantBurst.Figures burst,
    boolean studio,
    @JsonUnwrapped SmallStudio.Figures studioFigures,
    int availableProcessors,
    Map<String, Map<String, Double>> cpuSecondsByThreadFamily,
    List<Double> readySeconds,
    int unrelatedSecrets) {

  /** The figures against their goals (issues 8 and 13), as a table. */
  public String table() {
    return new ReportTable(this).render();
  }
}
