package io.casteroperator.ratelimit;

import java.time.Duration;
import java.util.Map;

/**
 * How calls are spent.
 *
 * @param quotas calls per second allowed per account, by action
 * @param defaultQuota for actions not in {@code quotas}
 * @param safetyMargin fraction below the quota that calls are spaced at (0.03: at 97% of it), so
 *     jitter between sending and arriving never fits one call too many into a second
 * @param windowGuard extra time added to the one-second window when counting recent sends, for
 *     the same reason
 * @param recoveryInterval after a throttled answer halved an account's rate, how often it grows
 *     back by a tenth of the quota
 * @param maxCallDuration the longest a call can take (the client's connect plus read timeout): a
 *     call whose end was never reported stops counting after it
 */
public record BudgetSettings(
    Map<String, Integer> quotas,
    int defaultQuota,
    double safetyMargin,
    Duration windowGuard,
    Duration recoveryInterval,
    Duration maxCallDuration) {

  public BudgetSettings {
    quotas = Map.copyOf(quotas);
    if (safetyMargin < 0 || safetyMargin >= 1) {
      throw new IllegalArgumentException("safetyMargin must be in [0, 1): " + safetyMargin);
    }
  }

  public int quota(String action) {
    return quotas.getOrDefault(action, defaultQuota);
  }

  public BudgetSettings withQuotas(Map<String, Integer> value) {
    return new BudgetSettings(value, defaultQuota, safetyMargin, windowGuard, recoveryInterval, maxCallDuration);
  }
}
