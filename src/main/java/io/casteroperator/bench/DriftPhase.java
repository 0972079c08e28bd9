package io.casteroperator.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * A drift sweep of every Caster, limited by the read quota. The operator is restarted with a drift
 * interval of half of N / Q per account, shorter than the sweep can be; every caster was last read
 * or written longer ago than that, so every Caster is due at once (as after an outage longer than
 * the interval) and the operator plans the checks over the time the DescribeCasterConfig quota
 * needs. The sweep is measured from the emulator's log: from the first caster's read to the last
 * caster's first read.
 */
final class DriftPhase {

  private static final String READ = "DescribeCasterConfig";
  private static final String PAGE = "DescribeCasters";

  /**
   * The sweep's figures.
   *
   * @param driftIntervalSeconds the drift interval the operator ran with: half of N / Q per account
   * @param driftSweepSeconds from the first to the last caster's first DescribeCasterConfig
   * @param driftIdealSeconds N / (K·Q): one DescribeCasterConfig per caster at the quota (the binding
   *     action; caster state comes from DescribeCasters by the page of 100)
   * @param driftRatioToIdeal sweep / ideal
   * @param driftPeakDescribePerSecond the highest peak over the Describe actions and the accounts, as the
   *     emulator's {@code peaks} reports them at the sweep's end (per action and account, never a sum;
   *     the emulator keeps one peak since it started, so this bounds every phase's reads, the sweep's too)
   * @param driftReadsPerCaster the operator's DescribeCasterConfig calls during the sweep per caster
   * @param driftPageReads the operator's DescribeCasters calls during the sweep
   * @param driftOperatorCpuMsPerCaster the operator's CPU per drift check: from the moment the restarted
   *     operator had reconciled every Caster once (the restart's own cost is left out) to the sweep's
   *     end, per DescribeCasterConfig in that time
   */
  record Figures(double driftIntervalSeconds, double driftSweepSeconds, double driftIdealSeconds, double driftRatioToIdeal,
      int driftPeakDescribePerSecond, double driftReadsPerCaster, long driftPageReads, double driftOperatorCpuMsPerCaster) {}

  private DriftPhase() {}

  /** The interval the sweep runs with: half of the time the quota needs for one account's casters, at least 1 s. */
  static Duration interval(BenchOptions options) {
    return Duration.ofMillis(Math.max(1000, (long) (500.0 * options.castersPerAccount() / options.qps())));
  }

  static Figures measure(BenchRun run) throws Exception {
    Duration interval = interval(run.options);
    Duration timeout = Duration.ofSeconds((long) (3 * run.options.idealSeconds()) + 120);
    long start = System.currentTimeMillis();
    long readsBefore = operatorReads(run);
    run.startOperator(run.operatorSettings.withDriftInterval(interval));
    // Starting, the operator reconciles every Caster once and plans its check; the sweep costs what follows.
    Waits.until(() -> run.operator().reconciles() >= run.casters(), timeout, "the restarted operator to reconcile every Caster");
    CpuSeconds cpuFrom = run.cpuNow();
    long from = System.currentTimeMillis();
    Map<String, List<EmulatorCall>> logs = awaitEveryCasterRead(run, start, readsBefore, timeout);
    CpuSeconds cpu = run.cpuNow().minus(cpuFrom);
    long to = System.currentTimeMillis();
    run.stopOperator();

    Map<String, Long> firstRead = firstReads(run, logs.get(READ), start);
    long first = firstRead.values().stream().mapToLong(Long::longValue).min().orElseThrow();
    long last = firstRead.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    long reads = count(logs.get(READ), start, last);
    long inWindow = count(logs.get(READ), from, to);
    double sweep = (last - first) / 1000.0;
    double ideal = run.options.idealSeconds();
    return new Figures(interval.toMillis() / 1000.0, sweep, ideal, sweep / ideal, peakDescribe(run),
        (double) reads / run.casters(), count(logs.get(PAGE), start, last),
        inWindow == 0 ? Double.NaN : 1000 * cpu.operator() / inWindow);
  }

  /**
   * Waits until every Caster's caster was read since {@code start}: first by the counters (cheap),
   * then by the log, which says which casters were read.
   */
  private static Map<String, List<EmulatorCall>> awaitEveryCasterRead(BenchRun run, long start, long readsBefore,
      Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Waits.until(() -> operatorReads(run) - readsBefore >= run.casters(), Duration.ofNanos(deadline - System.nanoTime()),
          "a DescribeCasterConfig per caster");
      Map<String, List<EmulatorCall>> logs = Map.of(READ, operatorLog(run, READ), PAGE, operatorLog(run, PAGE));
      if (firstReads(run, logs.get(READ), start).size() >= run.casters()) {
        return logs;
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("the drift sweep did not read every caster within " + timeout.toSeconds()
            + " s");
      }
      Waits.sleep(Duration.ofSeconds(1));
    }
  }

  /** Caster id → time of its first read since {@code start}, for the Casters' casters only. */
  private static Map<String, Long> firstReads(BenchRun run, List<EmulatorCall> reads, long start) {
    Set<String> ours = new HashSet<>(run.casterIds());
    Map<String, Long> first = new HashMap<>();
    for (EmulatorCall c : reads) {
      if (c.timeMillis() >= start && ours.contains(c.casterId())) {
        first.merge(c.casterId(), c.timeMillis(), Math::min);
      }
    }
    return first;
  }

  /** The operator's calls of {@code action} in every account, from the emulator's log. */
  private static List<EmulatorCall> operatorLog(BenchRun run, String action) {
    List<EmulatorCall> calls = new ArrayList<>();
    for (BenchAccounts.Account account : run.accounts.all()) {
      run.emulator.log(action, account.accountId()).stream().filter(c -> run.accounts.isOperatorKey(c.accessKeyId()))
          .forEach(calls::add);
    }
    return calls;
  }

  /** DescribeCasterConfig calls of every account so far, by the counters. */
  private static long operatorReads(BenchRun run) {
    long reads = 0;
    for (BenchAccounts.Account account : run.accounts.all()) {
      reads += run.emulator.calls(account.accountId()).getOrDefault(READ, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
    return reads;
  }

  private static long count(List<EmulatorCall> calls, long from, long to) {
    return calls.stream().filter(c -> c.timeMillis() >= from && c.timeMillis() <= to).count();
  }

  private static int peakDescribe(BenchRun run) {
    int peak = 0;
    for (BenchAccounts.Account account : run.accounts.all()) {
      for (Map.Entry<String, Integer> e : run.emulator.peaks(account.accountId()).entrySet()) {
        if (e.getKey().startsWith("Describe")) {
          peak = Math.max(peak, e.getValue());
        }
      }
    }
    return peak;
  }
}
