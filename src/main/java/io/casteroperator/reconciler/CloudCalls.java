package io.casteroperator.reconciler;

import io.casteroperator.live.ErrorClass;
import io.casteroperator.live.LiveAction;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveError;
import io.casteroperator.live.LiveResult;
import io.casteroperator.ratelimit.ApiBudgets;
import io.casteroperator.ratelimit.BudgetKey;
import io.casteroperator.ratelimit.Permit;
import io.casteroperator.ratelimit.Priority;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the reconciler calls the Live API: a slot from the account's budget first, then the
 * call, one log line, the metrics, and the report of anything but a success ({@link Outcomes}
 * tells the user that the call waits for its slot, or why it failed). Each call site gets the
 * answer, or nothing when there is nothing more to do in this reconcile.
 */
final class CloudCalls {

  private static final Logger LOG = LoggerFactory.getLogger("io.casteroperator.calls");

  /** What the answer is needed for: it decides the call's priority, and how waiting and failures show. */
  enum Purpose {
    /** To make the caster match the spec: goes first; waiting shows as Pending; a failure decides Ready. */
    CONVERGE(Priority.USER_CHANGE, true),
    /** A poll for a state the spec waits for: background priority, but Ready depends on it. */
    POLL(Priority.BACKGROUND, true),
    /** A background check (drift): free slots only; only a refusal of the caster changes Ready. */
    CHECK(Priority.BACKGROUND, false),
    /** What follows a change the user asked for (reading the outputs after a start): goes first, Ready does not wait for it. */
    FOLLOW_UP(Priority.USER_CHANGE, false),
    /** Deleting the caster: goes first; every failure shows as deletion not confirmed. */
    DELETE(Priority.USER_CHANGE, true);

    final Priority priority;
    final boolean affectsReadiness;

    Purpose(Priority priority, boolean affectsReadiness) {
      this.priority = priority;
      this.affectsReadiness = affectsReadiness;
    }
  }

  /** A successful call's value and the RequestId of its answer. */
  record Answer<T>(T value, String requestId) {}

  private final ApiBudgets budgets;
  private final ReconcilerMetrics metrics;
  private final Outcomes outcomes;
  private final DriftSchedule drift;

  CloudCalls(ApiBudgets budgets, ReconcilerMetrics metrics, Outcomes outcomes, DriftSchedule drift) {
    this.budgets = budgets;
    this.metrics = metrics;
    this.outcomes = outcomes;
    this.drift = drift;
  }

  /** The answer; empty when the call waits for its slot or failed (both already reported). */
  <T> Optional<Answer<T>> call(Reconciliation r, LiveAction action, Purpose purpose, Function<LiveClient, LiveResult<T>> body) {
    return call(r, action, purpose, body, error -> false);
  }

  /**
   * As {@link #call(Reconciliation, LiveAction, Purpose, Function)}; {@code handles} gets the first
   * look at a failure and returns true when the caller takes care of it (it is then not reported).
   */
  <T> Optional<Answer<T>> call(Reconciliation r, LiveAction action, Purpose purpose,
      Function<LiveClient, LiveResult<T>> body, Predicate<LiveError> handles) {
    BudgetKey key = new BudgetKey(r.account(), action.name());
    Permit permit = budgets.acquire(r.uid(), key, purpose.priority);
    if (!permit.granted()) {
      if (purpose == Purpose.CHECK) {
        drift.deferred(r, permit.retryAfter()); // a planned slot, not a poll
      } else {
        outcomes.waiting(r, purpose.affectsReadiness, permit.retryAfter());
      }
      return Optional.empty();
    }
    metrics.budgetWait(key, permit.waited());
    LiveResult<T> result;
    try {
      result = body.apply(r.client);
    } finally {
      budgets.answered(key, permit);
      if (!action.readsOnly()) {
        r.memory.changedTheCaster(); // even a failed write may have been carried out
      }
    }
    log(r, action, result);
    metrics.apiCall(key, action, result);
    if (!result.isOk()) {
      if (result.error().errorClass() == ErrorClass.THROTTLED) {
        budgets.throttled(key);
      }
      outcomes.answered(r, result.requestId(), false);
      if (!handles.test(result.error())) {
        outcomes.failed(r, action, purpose, result.error());
      }
      return Optional.empty();
    }
    // Every action but these two names one caster and fails when it is not there: an answer is proof.
    outcomes.answered(r, result.requestId(), action != LiveAction.CreateCaster && action != LiveAction.DescribeCasters);
    return Optional.of(new Answer<>(result.value(), result.requestId()));
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
