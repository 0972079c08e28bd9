package io.casteroperator.emulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Settings that can change while the emulator runs: quotas, caster limit, strictness switches. */
final class EmulatorSettings {
  static final int DEFAULT_MAX_CASTERS_PER_ACCOUNT = 1000;

  private final Map<String, Integer> quotas = new ConcurrentHashMap<>();
  private volatile int maxCastersPerAccount = DEFAULT_MAX_CASTERS_PER_ACCOUNT;
  private volatile boolean rejectChangesWhileRunning;

  EmulatorSettings() {
    for (LiveAction action : LiveAction.values()) {
      quotas.put(action.actionName(), action.documentedQuota());
    }
  }

  int quota(LiveAction action) {
    return quotas.getOrDefault(action.actionName(), action.documentedQuota());
  }

  void setQuota(String action, int perSecond) {
    LiveAction known =
        LiveAction.byName(action).orElseThrow(() -> new IllegalArgumentException("Unknown action: " + action));
    quotas.put(known.actionName(), requireNonNegative(perSecond, "quota"));
  }

  void setAllQuotas(int perSecond) {
    requireNonNegative(perSecond, "quota");
    for (LiveAction action : LiveAction.values()) {
      quotas.put(action.actionName(), perSecond);
    }
  }

  /** In the order of {@link LiveAction}, for stable admin output. */
  Map<String, Integer> quotas() {
    Map<String, Integer> copy = new LinkedHashMap<>();
    for (LiveAction action : LiveAction.values()) {
      copy.put(action.actionName(), quota(action));
    }
    return Collections.unmodifiableMap(copy);
  }

  int maxCastersPerAccount() {
    return maxCastersPerAccount;
  }

  void setMaxCastersPerAccount(int max) {
    maxCastersPerAccount = requireNonNegative(max, "maxCastersPerAccount");
  }

  boolean rejectChangesWhileRunning() {
    return rejectChangesWhileRunning;
  }

  void setRejectChangesWhileRunning(boolean reject) {
    rejectChangesWhileRunning = reject;
  }

  private static int requireNonNegative(int value, String what) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + value);
    }
    return value;
  }
}
