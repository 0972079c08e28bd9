package io.casteroperator.bench;

import java.nio.file.Path;

/**
 * What to measure.
 *
 * @param casters how many Casters (and casters in the emulator)
 * @param qps every action's quota, in the emulator for the account and in the operator's budgets
 * @param submitters how many clients submit the Casters (and later their changes) concurrently
 * @param warmUp whether one Caster is applied and deleted before anything is measured
 * @param latencySamples how many single spec changes to time
 * @param out where to write the figures as JSON; null for none
 * @param plot where to draw Casters Ready over time as PNG; null for none
 * @param unrelatedSecrets Secrets of 64 KiB that no Caster names, created in the watched namespace
 *     before the operator starts (a real cluster's Helm releases, tokens and keys)
 */
public record BenchOptions(int casters, int qps, int submitters, boolean warmUp, int latencySamples, Path out, Path plot,
    int unrelatedSecrets) {}
