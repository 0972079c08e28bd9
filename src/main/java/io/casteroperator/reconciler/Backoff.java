package io.casteroperator.reconciler;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a Caster tries again after a failure: exponential backoff with equal jitter for throttled
 * and transient failures (and the caster's state), a fixed delay for refusals; and nothing before
 * then unless the spec or the credentials change. Part of {@link Outcomes}: it alone writes the
 * backoff state.
 */
final class Backoff {

  private final ReconcilerSettings settings;

  Backoff(ReconcilerSettings settings) {
    this.settings = settings;
  }

  /** The next delay of the exponential backoff: base doubling per consecutive failure, up to the cap. */
  Duration next(Reconciliation r) {
    int failures = ++r.memory.failures;
    double exponential = settings.backoffBase().toMillis() * Math.pow(2, Math.min(failures - 1, 30));
    double capped = Math.min(exponential, settings.backoffCap().toMillis());
    // Equal jitter: half fixed, half random, so a fleet of casters does not retry in step.
    long millis = (long) (capped / 2 + ThreadLocalRandom.current().nextDouble() * capped / 2);
    return Duration.ofMillis(Math.max(1, millis));
  }

  /** Nothing is tried again before {@code delay} passes, unless the spec or credentials change. */
  Instant hold(Reconciliation r, Duration delay) {
    Instant until = r.now.plus(delay);
    r.memory.holdUntil = until;
    r.memory.heldFor = r.fingerprint();
    r.wakeUpAt(until);
    return until;
  }

  /**
   * Whether the Caster still backs off from a failure: then it only asks to be woken when the hold
   * ends. After a restart the hold is taken from status.nextRetryTime.
   */
  boolean holding(Reconciliation r) {
    CasterMemory m = r.memory;
    if (!m.holdRestored) {
      m.holdRestored = true;
      restore(r);
    }
    if (m.holdUntil != null && r.now.isBefore(m.holdUntil) && r.fingerprint().equals(m.heldFor)) {
      r.wakeUpAt(m.holdUntil);
      return true;
    }
    if (m.holdUntil != null && !r.fingerprint().equals(m.heldFor)) {
      m.failures = 0; // something changed: try at once, from the start of the backoff
    }
    m.holdUntil = null;
    return false;
  }

  /**
   * On the first reconcile since the operator started, a failure's hold comes from status, where the
   * instance before this one wrote it. Only then: afterwards this instance's memory knows better, and
   * a status edited from outside must not hold a Caster back. Nor may a hold longer than any this
   * operator sets (it was not set by an operator).
   */
  private void restore(Reconciliation r) {
    var s = r.status();
    if (r.memory.holdUntil != null || s.getNextRetryTime() == null || s.getLastErrorCode() == null || r.base == null
        || !Long.valueOf(r.generation()).equals(r.base.getObservedGeneration())) {
      return;
    }
    Instant until;
    try {
      until = Instant.parse(s.getNextRetryTime());
    } catch (java.time.format.DateTimeParseException e) {
      return;
    }
    Duration longest = java.util.stream.Stream.of(settings.backoffCap(), settings.slowProbe(), settings.preconditionPoll())
        .max(Duration::compareTo).orElseThrow();
    if (!until.isAfter(r.now.plus(longest))) {
      r.memory.holdUntil = until;
      r.memory.heldFor = r.fingerprint();
    }
  }

  /** A success: the next failure starts the backoff afresh. */
  void reset(Reconciliation r) {
    r.memory.failures = 0;
    r.memory.holdUntil = null;
    r.memory.heldFor = null;
  }
}
