package io.casteroperator.ratelimit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The budget of one account and action: calls leave one slot apart, at a rate just below the quota,
 * first come first served, with no burst even after a quiet spell.
 *
 * <p>A caller that finds no free slot takes a ticket: its place in the queue. Its slot is not a
 * fixed time but follows from its place and the current rate (the slot after the last call, plus
 * one per caller ahead), so when the rate changes every queued caller's slot moves with it. The
 * rate adapts to the account's other users (AIMD): a {@code Throttling*} answer halves it (once per
 * quota window, down to a tenth of the quota), and every recovery interval without one it grows
 * back by a tenth of the quota, whether callers are queued or not. Callers whose slot moved earlier
 * by a recovery are woken, so no slot goes unused.
 *
 * <p>Bucket4j, which the first versions used, hands out reservations as fixed waits: they cannot
 * move when the rate changes, which is what throttling needs.
 */
final class ActionBudget {

  private static final long SECOND = 1_000_000_000L;
  private static final double MIN_RATE_FACTOR = 0.1;
  private static final double RECOVERY_STEP = 0.1;

  /** A queued caller: its place, when it came, and when it was told to come back. */
  private static final class Ticket {
    final long seq;
    final long madeAt;
    long told;

    Ticket(long seq, long madeAt) {
      this.seq = seq;
      this.madeAt = madeAt;
    }
  }

  private final String key;
  private final int quota;
  private final double safetyMargin;
  private final long recoveryNanos;
  private final long windowNanos;
  private final LongClock clock;
  private final SendWindow window;
  private final Waker waker;
  private final LinkedHashMap<String, Ticket> queue = new LinkedHashMap<>();
  /** Sequence numbers of tickets that left the queue before the ones ahead of them. */
  private final TreeSet<Long> gaps = new TreeSet<>();
  private long nextSeq;
  private long lastGrant = Long.MIN_VALUE / 2;
  private double rateFactor = 1.0;
  private long rateChangedAt;
  private long lastDecrease = Long.MIN_VALUE / 2;

  /** The clock of nanoseconds the budget runs on. */
  interface LongClock {
    long nanos();
  }

  /** Told which callers to wake up because their slot moved earlier. */
  interface Waker {
    void wake(String caller);
  }

  ActionBudget(String key, int quota, BudgetSettings settings, LongClock clock, Waker waker) {
    this.key = key;
    this.quota = quota;
    this.safetyMargin = settings.safetyMargin();
    this.recoveryNanos = settings.recoveryInterval().toNanos();
    this.windowNanos = SECOND + settings.windowGuard().toNanos();
    this.clock = clock;
    this.waker = waker;
    this.window = new SendWindow(quota, windowNanos, settings.maxCallDuration().toNanos());
    this.rateChangedAt = clock.nanos();
  }

  Permit acquire(String caller, Priority priority) {
    List<String> toWake;
    Permit permit;
    synchronized (this) {
      long now = clock.nanos();
      toWake = recover(now);
      permit = priority == Priority.BACKGROUND ? background(now) : user(caller, now);
    }
    toWake.forEach(waker::wake);
    return permit;
  }

  private Permit user(String caller, long now) {
    Ticket ticket = queue.computeIfAbsent(caller, c -> new Ticket(nextSeq++, now));
    long due = due(ticket);
    if (now < due) {
      ticket.told = due;
      return Permit.comeBackIn(due - now);
    }
    long guard = window.waitNanos(now);
    if (guard > 0) {
      // The place frees up a second after an answer that may come any moment: look again soon.
      long retry = Math.min(guard, slotNanos());
      ticket.told = now + retry;
      return Permit.comeBackIn(retry);
    }
    leave(caller, ticket);
    granted(due, now);
    return Permit.go(java.time.Duration.ofNanos(now - ticket.madeAt), window.send(now));
  }

  /**
   * Background work takes only a slot nobody queued for and that is free now; otherwise it is told
   * when the queue will have drained, so that it can plan to come back then.
   */
  private Permit background(long now) {
    long free = lastGrant + slotNanos();
    if (queue.isEmpty() && now >= free && window.waitNanos(now) == 0) {
      granted(free, now);
      return Permit.go(java.time.Duration.ZERO, window.send(now));
    }
    long drained = Math.max(free, lastGrant + (long) (queue.size() + 1) * slotNanos());
    long wait = Math.max(drained - now, window.waitNanos(now));
    return Permit.comeBackIn(Math.max(wait, 1) + ThreadLocalRandom.current().nextLong(slotNanos() / 4 + 1));
  }

  /**
   * The slot a call took is the one it was due at, not the moment it came (a timer's or a thread
   * pool's delay): were it the moment, every late caller would push back everyone behind it, and
   * the rate would fall short of the quota by the average delay. A call more than a slot after
   * its due time (a quiet spell, a stalled caller) takes the moment it came, so nothing is saved
   * up for a burst.
   */
  private void granted(long due, long now) {
    lastGrant = now - due < slotNanos() ? due : now;
  }

  /** The caller's slot: one after the last call, plus one for each caller still queued ahead of it. */
  private long due(Ticket ticket) {
    long head = queue.values().iterator().next().seq;
    long ahead = ticket.seq - head - gaps.subSet(head, ticket.seq).size();
    return lastGrant + (ahead + 1) * slotNanos();
  }

  private void leave(String caller, Ticket ticket) {
    queue.remove(caller);
    if (queue.isEmpty()) {
      gaps.clear();
      return;
    }
    long head = queue.values().iterator().next().seq;
    if (ticket.seq > head) {
      gaps.add(ticket.seq);
    }
    gaps.headSet(head).clear();
  }

  /** The answer to a granted call came back (or the call failed without one). */
  synchronized void answered(Permit permit) {
    window.answered(permit.place(), clock.nanos());
  }

  synchronized void cancel(String caller) {
    Ticket ticket = queue.get(caller);
    if (ticket != null) {
      leave(caller, ticket);
    }
  }

  /**
   * A throttled answer means someone else spends this quota too: halve the rate, once per quota
   * window (the answers of calls already on their way say the same thing again).
   */
  synchronized void throttled() {
    long now = clock.nanos();
    if (now - lastDecrease >= windowNanos) {
      lastDecrease = now;
      rateFactor = Math.max(MIN_RATE_FACTOR, rateFactor / 2);
      rateChangedAt = now;
    }
  }

  synchronized double rateFactor() {
    return rateFactor;
  }

  /** Free slots now (at most one); minus the callers queued. */
  synchronized long availableTokens() {
    long now = clock.nanos();
    return (queue.isEmpty() && now >= lastGrant + slotNanos() ? 1 : 0) - queue.size();
  }

  synchronized int queued() {
    return queue.size();
  }

  /**
   * Grows back by a tenth of the quota per recovery interval since the last change, queued callers
   * or not; returns the callers whose slot is now well before the time they were told and comes
   * within the next interval: they are woken.
   */
  private List<String> recover(long now) {
    if (rateFactor >= 1.0 || now - rateChangedAt < recoveryNanos) {
      return List.of();
    }
    long steps = (now - rateChangedAt) / recoveryNanos;
    rateFactor = Math.min(1.0, rateFactor + steps * RECOVERY_STEP);
    rateChangedAt = rateFactor >= 1.0 ? now : rateChangedAt + steps * recoveryNanos;
    List<String> early = new ArrayList<>();
    long horizon = now + recoveryNanos;
    for (Iterator<Map.Entry<String, Ticket>> it = queue.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Ticket> entry = it.next();
      long due = due(entry.getValue());
      if (due > horizon) {
        break;
      }
      if (entry.getValue().told > due + slotNanos()) {
        entry.getValue().told = due;
        early.add(entry.getKey());
      }
    }
    return early;
  }

  long slotNanos() {
    return (long) Math.ceil(SECOND / (quota * (1 - safetyMargin) * rateFactor));
  }

  @Override
  public String toString() {
    return key;
  }
}
