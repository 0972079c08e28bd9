package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.live.LiveAction;
import io.casteroperator.ratelimit.BudgetKey;
import io.casteroperator.ratelimit.SweepPlanner;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each caster is read back to look for drift: every drift interval (the operator's, or the
 * Caster's live.caster-operator.io/drift-interval annotation) after the last read or write, with
 * ±10% jitter, at a slot the {@link SweepPlanner} gives it on the account's read quota. An account
 * with more casters than one interval's worth of reads has its sweep stretched to what the quota
 * needs; its Casters sleep until their slots instead of asking for free ones.
 */
final class DriftSchedule {

  private static final Logger LOG = LoggerFactory.getLogger(DriftSchedule.class);
  private static final Duration MINIMUM = Duration.ofSeconds(1);
  private static final Duration MAXIMUM = Duration.ofDays(30);
  /** A deferred read waiting no longer than this many slots just waits; longer, it is planned again. */
  private static final int SHORT_WAIT_SLOTS = 2;

  private final Duration defaultInterval;
  private final Outcomes outcomes;
  private final SweepPlanner planner;
  private final ReconcilerMetrics metrics;
  /** Per account, the sweep last reported as stretched (or the interval, when it was not). */
  private final Map<String, Duration> reportedSweeps = new ConcurrentHashMap<>();

  DriftSchedule(Duration defaultInterval, Outcomes outcomes, SweepPlanner planner, ReconcilerMetrics metrics) {
    this.defaultInterval = defaultInterval;
    this.outcomes = outcomes;
    this.planner = planner;
    this.metrics = metrics;
  }

  boolean due(Reconciliation r) {
    return !r.now.isBefore(next(r));
  }

  /** The caster was just read or written: plans the next check, an interval from now. */
  void checked(Reconciliation r) {
    Duration interval = interval(r);
    plan(r, r.now.plus(jittered(interval)), interval);
  }

  /** Asks to be woken for the check already planned. */
  void keep(Reconciliation r) {
    r.wakeUpAt(next(r));
  }

  /**
   * The check's read found no free slot (user changes go first): a short wait is waited; a longer
   * one gets a planned slot after it, so that waiting costs nothing until then.
   */
  void deferred(Reconciliation r, Duration retryAfter) {
    BudgetKey key = key(r);
    double slotSeconds = 1.0 / planner.rate(key);
    if (retryAfter.toNanos() / 1e9 <= SHORT_WAIT_SLOTS * slotSeconds) {
      r.memory.nextDriftCheck = r.now.plus(retryAfter);
      r.wakeUpIn(retryAfter);
    } else {
      plan(r, r.now.plus(retryAfter), interval(r));
    }
  }

  /** How long a drift sweep of this Caster's account takes now: how old what it reads may be. */
  Duration sweep(Reconciliation r) {
    return planner.sweep(key(r), interval(r));
  }

  /** The Caster is gone: its slot is free. */
  void forget(String uid) {
    planner.release(uid);
  }

  private Instant next(Reconciliation r) {
    if (r.memory.nextDriftCheck == null) {
      // After a restart: count from the last read or write that status remembers.
      Instant last = latest(r.status().getLastObservedTime(), r.status().getLastAppliedTime());
      Duration interval = interval(r);
      plan(r, last == null ? r.now : last.plus(jittered(interval)), interval);
    }
    return r.memory.nextDriftCheck;
  }

  private void plan(Reconciliation r, Instant desired, Duration interval) {
    BudgetKey key = key(r);
    r.memory.nextDriftCheck = planner.plan(r.uid(), key, desired, r.now);
    r.wakeUpAt(r.memory.nextDriftCheck);
    reportSweep(key, planner.sweep(key, interval), interval);
  }

  /** A sweep stretched past the interval (or back to it) gets one log line, and the metric. */
  private void reportSweep(BudgetKey key, Duration sweep, Duration interval) {
    metrics.driftSweep(key.account(), sweep);
    Duration reported = reportedSweeps.getOrDefault(key.account(), interval);
    boolean stretched = sweep.toMillis() > interval.toMillis() * 1.1;
    boolean changed = Math.abs(sweep.toMillis() - reported.toMillis()) > reported.toMillis() / 10;
    if (changed) {
      reportedSweeps.put(key.account(), sweep);
      if (stretched) {
        LOG.atWarn().addKeyValue("account", key.account()).addKeyValue("sweepSeconds", sweep.toSeconds())
            .log("drift checks of account {} stretched to every {}: {} casters at {} reads/s of {} (the interval asks for {})",
                key.account(), readable(sweep), planner.callers(key), String.format("%.1f", planner.rate(key)),
                key.action(), readable(interval));
      } else {
        LOG.info("drift checks of account {} back to every {}", key.account(), readable(sweep));
      }
    }
  }

  /** Whole seconds from ten seconds on, else milliseconds: "12m17s", "8600ms", never ISO-8601 nanos. */
  private static String readable(Duration d) {
    return Durations.format(d.toMillis() >= 10_000 ? Duration.ofSeconds(Math.round(d.toMillis() / 1000.0))
        : Duration.ofMillis(d.toMillis()));
  }

  private static BudgetKey key(Reconciliation r) {
    return new BudgetKey(r.account(), LiveAction.DescribeCasterConfig.name());
  }

  Duration interval(Reconciliation r) {
    String annotation = r.annotation(Annotations.DRIFT_INTERVAL);
    if (annotation == null) {
      return defaultInterval;
    }
    Duration parsed = Durations.parse(annotation);
    if (parsed == null) {
      outcomes.invalidAnnotation(r, Annotations.DRIFT_INTERVAL + " \"" + shorten(annotation)
          + "\" is not a duration such as 30s, 10m or 1h; using " + Durations.format(defaultInterval));
      return defaultInterval;
    }
    return parsed.compareTo(MINIMUM) < 0 ? MINIMUM : parsed.compareTo(MAXIMUM) > 0 ? MAXIMUM : parsed;
  }

  private static String shorten(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  private static Duration jittered(Duration interval) {
    double factor = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
    return Duration.ofMillis(Math.max(1, (long) (interval.toMillis() * factor)));
  }

  private static Instant latest(String a, String b) {
    Instant x = a == null ? null : Instant.parse(a);
    Instant y = b == null ? null : Instant.parse(b);
    return x == null ? y : y == null ? x : x.isAfter(y) ? x : y;
  }
}
