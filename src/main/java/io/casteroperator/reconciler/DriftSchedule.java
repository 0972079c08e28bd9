package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When each caster is read back to look for drift: every drift interval (the operator's, or the
 * Caster's live.caster-operator.io/drift-interval annotation) after the last read or write, with
 * ±10% jitter so that casters applied together are not all read together.
 */
final class DriftSchedule {

  private static final Duration MINIMUM = Duration.ofSeconds(1);
  private static final Duration MAXIMUM = Duration.ofDays(30);

  private final Duration defaultInterval;
  private final Outcomes outcomes;

  DriftSchedule(Duration defaultInterval, Outcomes outcomes) {
    this.defaultInterval = defaultInterval;
    this.outcomes = outcomes;
  }

  boolean due(Reconciliation r) {
    return !r.now.isBefore(next(r));
  }

  /** Plans the next check from now and asks to be woken for it. */
  void checked(Reconciliation r) {
    r.memory.nextDriftCheck = r.now.plus(jittered(interval(r)));
    r.wakeUpAt(r.memory.nextDriftCheck);
  }

  /** Asks to be woken for the check already planned. */
  void keep(Reconciliation r) {
    r.wakeUpAt(next(r));
  }

  private Instant next(Reconciliation r) {
    if (r.memory.nextDriftCheck == null) {
      // After a restart: count from the last read or write that status remembers.
      Instant last = latest(r.status().getLastObservedTime(), r.status().getLastAppliedTime());
      r.memory.nextDriftCheck = last == null ? r.now : last.plus(jittered(interval(r)));
    }
    return r.memory.nextDriftCheck;
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
