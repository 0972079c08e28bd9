package io.casteroperator.ratelimit;

import java.util.Arrays;

/**
 * The guard behind the even spacing: never more than {@code quota} calls that the service could
 * count in one second. The service counts a call when it arrives, which is some time between our
 * sending it and its answer coming back; so a call occupies the window from the moment it is sent
 * until one second after its answer (or, if none comes, until the call's longest possible duration
 * has passed). Late threads, a cold HTTP client or a slow network can then bunch calls together,
 * but never put one too many into a second.
 */
final class SendWindow {

  private final long[] busyUntil;
  private final long windowNanos;
  private final long maxCallNanos;

  SendWindow(int quota, long windowNanos, long maxCallNanos) {
    this.busyUntil = new long[Math.max(1, quota)];
    Arrays.fill(busyUntil, Long.MIN_VALUE);
    this.windowNanos = windowNanos;
    this.maxCallNanos = maxCallNanos;
  }

  /** Nanoseconds until a call may be sent; 0 when a place is free now. */
  long waitNanos(long now) {
    long earliest = busyUntil[freest()];
    return earliest <= now ? 0 : earliest - now;
  }

  /** Takes a place for a call sent now; returns it, to be handed back to {@link #answered}. */
  int send(long now) {
    int place = freest();
    busyUntil[place] = now + maxCallNanos + windowNanos;
    return place;
  }

  /** The answer to the call at {@code place} came back: it can have arrived no later than now. */
  void answered(int place, long now) {
    busyUntil[place] = Math.min(busyUntil[place], now + windowNanos);
  }

  private int freest() {
    int best = 0;
    for (int i = 1; i < busyUntil.length; i++) {
      if (busyUntil[i] < busyUntil[best]) {
        best = i;
      }
    }
    return best;
  }
}
