package io.casteroperator.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The budget of one account and action: a Bucket4j bucket of capacity one that refills one token
 * per slot, so calls leave evenly spaced with no burst even after a quiet spell. A caller that finds
 * no token reserves the next slot (the bucket goes into debt), which serves callers first come,
 * first served; it comes back when its slot is due.
 */
final class ActionBudget {

  private static final long SECOND = 1_000_000_000L;
  private static final double MIN_RATE_FACTOR = 0.1;

  private final int quota;
  private final double safetyMargin;
  private final long recoveryNanos;
  private final TimeMeter clock;
  private final Bucket bucket;
  private final SendWindow window;
  private final Map<String, Reservation> reservations = new HashMap<>();
  private double rateFactor = 1.0;
  private long rateChangedAt;

  private record Reservation(long madeAt, long dueAt) {}

  ActionBudget(int quota, BudgetSettings settings, TimeMeter clock) {
    this.quota = quota;
    this.safetyMargin = settings.safetyMargin();
    this.recoveryNanos = settings.recoveryInterval().toNanos();
    this.clock = clock;
    this.bucket = Bucket.builder().addLimit(bandwidth()).withCustomTimePrecision(clock).build();
    this.window = new SendWindow(quota, SECOND + settings.windowGuard().toNanos(), settings.maxCallDuration().toNanos());
    this.rateChangedAt = clock.currentTimeNanos();
  }

  synchronized Permit acquire(String caller, Priority priority) {
    long now = clock.currentTimeNanos();
    recover(now);
    Reservation reservation = reservations.get(caller);
    if (reservation == null) {
      if (priority == Priority.BACKGROUND) {
        return background(now);
      }
      long wait = bucket.consumeIgnoringRateLimits(1);
      reservation = new Reservation(now, now + wait);
      reservations.put(caller, reservation);
    }
    if (now < reservation.dueAt()) {
      return Permit.comeBackIn(reservation.dueAt() - now);
    }
    long guard = window.waitNanos(now);
    if (guard > 0) {
      // The place frees up a second after an answer that may come any moment: look again soon.
      return Permit.comeBackIn(Math.min(guard, slotNanos()));
    }
    reservations.remove(caller);
    return Permit.go(Duration.ofNanos(now - reservation.madeAt()), window.send(now));
  }

  /** Background work takes only a slot that is free now, and never queues ahead of users. */
  private Permit background(long now) {
    if (window.waitNanos(now) == 0 && bucket.tryConsume(1)) {
      return Permit.go(Duration.ZERO, window.send(now));
    }
    long untilFree = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    long jitter = ThreadLocalRandom.current().nextLong(slotNanos() + 1);
    return Permit.comeBackIn(Math.max(untilFree, slotNanos()) + jitter);
  }

  /** The answer to a granted call came back (or the call failed without one). */
  synchronized void answered(Permit permit) {
    window.answered(permit.place(), clock.currentTimeNanos());
  }

  synchronized void cancel(String caller) {
    // The slot stays spent: handing it back could put two reserved calls into one slot.
    reservations.remove(caller);
  }

  /** A throttled answer means someone else spends this quota too: halve our rate. */
  synchronized void throttled() {
    setRate(Math.max(MIN_RATE_FACTOR, rateFactor / 2), clock.currentTimeNanos());
  }

  synchronized double rateFactor() {
    return rateFactor;
  }

  /** Tokens available now; negative when callers are queued for future slots. */
  synchronized long availableTokens() {
    return bucket.getAvailableTokens();
  }

  /** Grow back by a tenth per quiet interval, and only with no one queued, so slots never overlap. */
  private void recover(long now) {
    if (rateFactor < 1.0 && now - rateChangedAt >= recoveryNanos && bucket.getAvailableTokens() >= 0) {
      setRate(Math.min(1.0, rateFactor + 0.1), now);
    }
  }

  private void setRate(double factor, long now) {
    rateFactor = factor;
    rateChangedAt = now;
    bucket.replaceConfiguration(
        BucketConfiguration.builder().addLimit(bandwidth()).build(), TokensInheritanceStrategy.AS_IS);
  }

  private Bandwidth bandwidth() {
    return Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofNanos(slotNanos())).initialTokens(1).build();
  }

  private long slotNanos() {
    return (long) Math.ceil(SECOND / (quota * (1 - safetyMargin) * rateFactor));
  }
}
