package io.casteroperator.emulator;

import java.util.ArrayDeque;

/**
 * One account's flow control for one action: a call at time t is allowed when fewer than Q calls
 * were allowed in (t - 1 s, t]. Refused calls do not use the quota, but they are attempts: the
 * window also tracks the busiest second of attempts, which is what a client's politeness is
 * judged by. Times are nanoseconds of an injected ticker, so the arithmetic is testable without
 * waiting.
 */
final class QuotaWindow {
  static final long WINDOW_NANOS = 1_000_000_000L;

  private final ArrayDeque<Long> allowed = new ArrayDeque<>();
  private final ArrayDeque<Long> attempted = new ArrayDeque<>();
  private int peakAttempted;

  /** Counts an attempt towards the peak, whatever happens to the call afterwards. */
  synchronized void recordAttempt(long nowNanos) {
    evictUpTo(attempted, nowNanos - WINDOW_NANOS);
    attempted.addLast(nowNanos);
    peakAttempted = Math.max(peakAttempted, attempted.size());
  }

  /** True, and the call uses the quota, when fewer than {@code limit} calls were allowed in the last second. */
  synchronized boolean tryAcquire(long nowNanos, int limit) {
    evictUpTo(allowed, nowNanos - WINDOW_NANOS);
    if (allowed.size() >= limit) {
      return false;
    }
    allowed.addLast(nowNanos);
    return true;
  }

  synchronized int peakAttempted() {
    return peakAttempted;
  }

  synchronized int allowedInWindow(long nowNanos) {
    evictUpTo(allowed, nowNanos - WINDOW_NANOS);
    return allowed.size();
  }

  /** The window is half-open on the left: a call exactly one second old no longer counts. */
  private static void evictUpTo(ArrayDeque<Long> times, long inclusiveLimit) {
    while (!times.isEmpty() && times.peekFirst() <= inclusiveLimit) {
      times.pollFirst();
    }
  }
}
