package io.casteroperator.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The shared API budgets of the operator: one per account and action, as the service counts its
 * quotas. Answers "go now" or "come back in N ms"; never blocks a thread.
 */
public final class ApiBudgets {

  private final BudgetSettings settings;
  private final ActionBudget.LongClock clock;
  private final Map<BudgetKey, ActionBudget> budgets = new ConcurrentHashMap<>();
  private volatile long pausedUntil = Long.MIN_VALUE;
  private volatile Consumer<String> waker = caller -> { };

  public ApiBudgets(BudgetSettings settings) {
    this(settings, System::nanoTime);
  }

  /** With a clock of nanoseconds, for tests. */
  public ApiBudgets(BudgetSettings settings, LongSupplier nanoClock) {
    this.settings = settings;
    this.clock = nanoClock::getAsLong;
  }

  /**
   * Who to tell when a queued caller's slot moved earlier (the rate recovered after throttling):
   * it was told to come back later than it now may.
   */
  public void onEarlierSlot(Consumer<String> wake) {
    this.waker = wake;
  }

  public BudgetSettings settings() {
    return settings;
  }

  /**
   * Asks for a call. {@code caller} identifies who waits (a Caster): the first ask of a user change
   * reserves the caller's slot, and later asks by the same caller for the same key find it.
   */
  public Permit acquire(String caller, BudgetKey key, Priority priority) {
    long now = clock.nanos();
    if (now < pausedUntil) {
      return Permit.comeBackIn(pausedUntil - now);
    }
    return budget(key).acquire(caller, priority);
  }

  /**
   * Spends nothing for one quota window plus the guard. A new leader calls this: the instance
   * before it may have used the whole quota in the second before it stopped, and this instance
   * cannot see those calls.
   */
  public void pauseForOneWindow() {
    pausedUntil = clock.nanos() + 1_000_000_000L + settings.windowGuard().toNanos();
  }

  /** The call made with {@code permit} has returned: its answer, or its failure, is in. */
  public void answered(BudgetKey key, Permit permit) {
    budget(key).answered(permit);
  }

  /** Forgets what {@code caller} reserved (it no longer needs the call). */
  public void cancel(String caller) {
    budgets.values().forEach(b -> b.cancel(caller));
  }

  /** The service answered Throttling for this key: slow down. */
  public void throttled(BudgetKey key) {
    budget(key).throttled();
  }

  /** The fraction of the quota this key is spending at (1.0 unless throttled lately). */
  public double rateFactor(BudgetKey key) {
    return budget(key).rateFactor();
  }

  /** Tokens available now for this key; negative when callers are queued. */
  public long availableTokens(BudgetKey key) {
    return budget(key).availableTokens();
  }

  /** Every key seen so far, for metrics. */
  public java.util.Set<BudgetKey> keys() {
    return java.util.Set.copyOf(budgets.keySet());
  }

  /** Callers queued for this key now. */
  public int queued(BudgetKey key) {
    return budget(key).queued();
  }

  private ActionBudget budget(BudgetKey key) {
    return budgets.computeIfAbsent(key, k -> new ActionBudget(k.toString(), settings.quota(k.action()), settings, clock,
        caller -> waker.accept(caller)));
  }
}
