package io.casteroperator.bench;

import io.casteroperator.reconciler.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure.
 *
 * @param casters how many Casters (and casters in the emulator)
 * @param qps every action's quota, per account, in the emulator and in the operator's budgets
 * @param submitters how many clients submit the Casters (and later their changes) concurrently
 * @param warmUp whether one Caster is applied and deleted before anything is measured
 * @param latencySamples how many single spec changes to time
 * @param out where to write the figures as JSON; null for none
 * @param plot where to draw Casters Ready over time as PNG; null for none
 * @param unrelatedSecrets Secrets of 64 KiB that no Caster names, created in the watched namespace
 *     before the operator starts (a real cluster's Helm releases, tokens and keys)
 * @param accounts how many emulator accounts the Casters are spread over, each with its own key and quota
 * @param idle how long the idle phase measures the operator's CPU
 * @param drift whether to measure a drift sweep of every Caster
 * @param coTenantBurst whether a co-tenant drains the first account's SetCasterConfig quota during phase 1
 * @param burst how long the co-tenant drains it
 * @param throttleRecovery the operator's {@code --throttle-recovery}: after a throttled answer halved
 *     an account's rate, how often it grows back by a tenth of the quota
 * @param split whether the API server and the emulator run in a JVM of their own
 * @param studio whether every Caster also has a small studio ({@link SmallStudio}): inputs, a layout,
 *     an overlay and scenes, so it runs
 */
public record BenchOptions(int casters, int qps, int submitters, boolean warmUp, int latencySamples, Path out, Path plot,
    int unrelatedSecrets, int accounts, Duration idle, boolean drift, boolean coTenantBurst, Duration burst,
    Duration throttleRecovery, boolean split, boolean studio) {

  /** What is wrong with these options, one message per problem; empty when they can run. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    atLeast(problems, "--casters", casters, 1);
    atLeast(problems, "--qps", qps, 1);
    atLeast(problems, "--submitters", submitters, 1);
    atLeast(problems, "--latency-samples", latencySamples, 0);
    atLeast(problems, "--unrelated-secrets", unrelatedSecrets, 0);
    atLeast(problems, "--accounts", accounts, 1);
    if (accounts > casters && casters >= 1) {
      problems.add("--accounts must not exceed --casters (" + casters + "): every account needs a Caster, was " + accounts);
    }
    positive(problems, "--idle-seconds", idle);
    positive(problems, "--burst-seconds", burst);
    positive(problems, "--throttle-recovery", throttleRecovery);
    return problems;
  }

  /** Casters per account, rounded up: the accounts' sweeps and rollouts run side by side. */
  int castersPerAccount() {
    return (casters + accounts - 1) / accounts;
  }

  /** N / (K·Q): the fastest the quotas allow one write (or one read) per Caster. */
  double idealSeconds() {
    return (double) casters / ((double) accounts * qps);
  }

  private static void atLeast(List<String> problems, String flag, int value, int min) {
    if (value < min) {
      problems.add(flag + " must be at least " + min + ", was " + value);
    }
  }

  private static void positive(List<String> problems, String flag, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(flag + " must be positive, was " + (value == null ? "none" : Durations.format(value)));
    }
  }
}
