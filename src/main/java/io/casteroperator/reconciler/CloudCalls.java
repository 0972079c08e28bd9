package io.casteroperator.reconciler;

import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveResult;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.ratelimit.BudgetKey;
import io.casteroperator.ratelimit.Permit;
import io.casteroperator.ratelimit.Priority;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Live API call of the reconciler goes through here: a slot from the account's budget first,
 * then the call, one log line with the outcome, and the metrics.
 */
final class CloudCalls {

  private static final Logger LOG = LoggerFactory.getLogger("io.casteroperator.calls");

  /** A call made ({@link #result}), or not made yet because the budget said to come back later. */
  record Call<T>(LiveResult<T> result, Duration retryAfter) {
    boolean waiting() {
      return result == null;
    }
  }

  private final ApiBudgets budgets;
  private final ReconcilerMetrics metrics;

  CloudCalls(ApiBudgets budgets, ReconcilerMetrics metrics) {
    this.budgets = budgets;
    this.metrics = metrics;
  }

  <T> Call<T> call(Reconciliation r, LiveAction action, Priority priority, Function<LiveClient, LiveResult<T>> body) {
    BudgetKey key = new BudgetKey(r.account, action.name());
    Permit permit = budgets.acquire(r.uid(), key, priority);
    if (!permit.granted()) {
      return new Call<>(null, permit.retryAfter());
    }
    metrics.budgetWait(key, permit.waited());
    LiveResult<T> result;
    try {
      result = body.apply(r.client);
    } finally {
      budgets.answered(key, permit);
    }
    log(r, action, result);
    metrics.apiCall(key, action, result);
    if (!result.isOk() && result.error().errorClass() == ErrorClass.THROTTLED) {
      budgets.throttled(key);
    }
    if (result.requestId() != null) {
      r.status().setLastRequestId(result.requestId());
    }
    return new Call<>(result, Duration.ZERO);
  }

  /** The Caster no longer needs the slots it reserved. */
  void cancel(String uid) {
    budgets.cancel(uid);
  }

  private static void log(Reconciliation r, LiveAction action, LiveResult<?> result) {
    long millis = result.latency().toMillis();
    if (result.isOk()) {
      LOG.atInfo().addKeyValue("caster", r.ref()).addKeyValue("action", action).addKeyValue("code", "OK")
          .addKeyValue("requestId", result.requestId()).addKeyValue("latencyMs", millis)
          .log("{} {} {} OK requestId={} {}ms", r.ref(), action, r.casterId, result.requestId(), millis);
    } else {
      var e = result.error();
      LOG.atWarn().addKeyValue("caster", r.ref()).addKeyValue("action", action).addKeyValue("code", e.code())
          .addKeyValue("requestId", e.requestId()).addKeyValue("latencyMs", millis)
          .addKeyValue("class", e.errorClass())
          .log("{} {} {} {} requestId={} {}ms class={}: {}", r.ref(), action, r.casterId, e.code(), e.requestId(),
              millis, e.errorClass(), e.message());
    }
  }
}
