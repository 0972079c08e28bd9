package io.casteroperator.reconciler;

import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveResult;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.ratelimit.BudgetKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The operator's own metrics (JOSDK adds its reconciler metrics next to them). */
public final class ReconcilerMetrics {

  private final MeterRegistry registry;
  private final ApiBudgets budgets;
  private final Set<BudgetKey> gauged = ConcurrentHashMap.newKeySet();
  private final Map<String, String> readyReasons = new ConcurrentHashMap<>();
  private final Set<String> reasonGauges = ConcurrentHashMap.newKeySet();
  private final Map<String, Double> sweeps = new ConcurrentHashMap<>();

  public ReconcilerMetrics(MeterRegistry registry, ApiBudgets budgets) {
    this.registry = registry;
    this.budgets = budgets;
    driftCorrections().increment(0); // present from the start, so dashboards and alerts see 0, not nothing
  }

  private Counter driftCorrections() {
    return Counter.builder("caster_drift_corrections").description("Drift found and undone with SetCasterConfig")
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  void reconciled(String outcome, Duration took) {
    Counter.builder("caster_reconciles").description("Reconciles of Casters, by outcome (the Ready reason)")
        .tag("outcome", outcome).register(registry).increment();
    Timer.builder("caster_reconcile_duration").description("Time spent in one reconcile")
        .register(registry).record(took);
  }

  void apiCall(BudgetKey key, LiveAction action, LiveResult<?> result) {
    Counter.builder("caster_live_api_calls").description("Live API calls, by action and error code (OK on success)")
        .tag("action", action.name()).tag("code", result.code()).register(registry).increment();
    Timer.builder("caster_live_api_latency").description("Latency of Live API calls")
        .tag("action", action.name()).register(registry).record(result.latency());
    Counter throttled = Counter.builder("caster_live_api_throttled").description("Answers of the Live API that the quota is spent (Throttling*)")
        .tag("account", key.account()).tag("action", action.name()).register(registry);
    if (!result.isOk() && result.error().means(io.casteroperator.live.ErrorMeaning.THROTTLED)) {
      throttled.increment();
    }
    gaugeTokens(key);
  }

  void budgetWait(BudgetKey key, Duration waited) {
    Timer.builder("caster_budget_wait").description("Time a call waited for its slot in the account's budget")
        .tag("account", key.account()).tag("action", key.action()).register(registry).record(waited);
    gaugeTokens(key);
  }

  /** The time a drift sweep of each account's casters takes: the drift interval, or longer when the read quota needs it. */
  void driftSweep(String account, Duration sweep) {
    if (sweeps.put(account, sweep.toMillis() / 1000.0) == null) {
      Gauge.builder("caster_drift_sweep_seconds", sweeps, m -> m.getOrDefault(account, 0.0))
          .description("How long one drift check of every caster of the account takes: the drift interval, or longer"
              + " when the account's read quota needs it").tag("account", account).register(registry);
    }
  }

  /** How many Secrets the operator holds and watches (those Casters name). */
  void secretsWatched(java.util.function.IntSupplier count) {
    Gauge.builder("caster_secrets_watched", count, c -> c.getAsInt()).strongReference(true)
        .description("Secrets the operator reads and watches: the ones Casters name, never the others").register(registry);
  }

  void driftCorrected() {
    driftCorrections().increment();
  }

  /** The Ready reason of each Caster, for the caster_conditions gauge. */
  void readyReason(String uid, String reason) {
    readyReasons.put(uid, reason);
    registerReasonGauge(reason);
  }

  void forget(String uid) {
    readyReasons.remove(uid);
  }

  private void registerReasonGauge(String reason) {
    if (reasonGauges.add(reason)) {
      Gauge.builder("caster_casters", readyReasons, m -> m.values().stream().filter(reason::equals).count())
          .description("Casters by the reason of their Ready condition").tag("condition", "Ready").tag("reason", reason)
          .register(registry);
    }
  }

  private void gaugeTokens(BudgetKey key) {
    if (gauged.add(key)) {
      Gauge.builder("caster_budget_tokens_available", budgets, b -> b.availableTokens(key))
          .description("Calls available now in the account's budget; negative when calls are queued")
          .tag("account", key.account()).tag("action", key.action()).register(registry);
    }
  }
}
