package io.casteroperator.emulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Flow control per account and action, sharing one quota among all keys of an account. Attempts
 * are also tracked over all accounts together, so the global peak is a real peak and not the
 * largest of the accounts' peaks.
 */
final class Quotas {
  private record WindowKey(String account, String action) {}

  /** Not a valid account name (accounts are non-blank), so it cannot collide. */
  private static final String ALL_ACCOUNTS = "";

  private final Map<WindowKey, QuotaWindow> windows = new ConcurrentHashMap<>();
  private final EmulatorSettings settings;
  private final LongSupplier nanoTicker;

  Quotas(EmulatorSettings settings, LongSupplier nanoTicker) {
    this.settings = settings;
    this.nanoTicker = nanoTicker;
  }

  void recordAttempt(String account, LiveAction action) {
    long now = nanoTicker.getAsLong();
    window(account, action).recordAttempt(now);
    window(ALL_ACCOUNTS, action).recordAttempt(now);
  }

  boolean tryAcquire(String account, LiveAction action) {
    return window(account, action).tryAcquire(nanoTicker.getAsLong(), settings.quota(action));
  }

  /** Highest number of attempts in any one-second window, per action; all accounts when null. */
  Map<String, Integer> peaks(String accountOrNull) {
    String account = accountOrNull == null ? ALL_ACCOUNTS : accountOrNull;
    Map<String, Integer> peaks = new TreeMap<>();
    windows.forEach(
        (key, window) -> {
          if (account.equals(key.account())) {
            peaks.put(key.action(), window.peakAttempted());
          }
        });
    return peaks;
  }

  void clear() {
    windows.clear();
  }

  private QuotaWindow window(String account, LiveAction action) {
    return windows.computeIfAbsent(new WindowKey(account, action.actionName()), k -> new QuotaWindow());
  }
}
