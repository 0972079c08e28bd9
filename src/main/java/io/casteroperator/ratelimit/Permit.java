package io.casteroperator.ratelimit;

import java.time.Duration;

/**
 * The budget's answer: go now, or come back after {@link #retryAfter()}.
 *
 * @param granted whether the call may be made now (the slot is then spent)
 * @param retryAfter when not granted, how long until the caller's slot comes
 * @param waited when granted, how long the caller waited for its slot
 * @param place when granted, the call's place in the budget's window, handed back with {@link
 *     ApiBudgets#answered} once the call returns
 */
public record Permit(boolean granted, Duration retryAfter, Duration waited, int place) {

  static Permit go(Duration waited, int place) {
    return new Permit(true, Duration.ZERO, waited, place);
  }

  static Permit comeBackIn(long nanos) {
    return new Permit(false, Duration.ofNanos(Math.max(nanos, 1_000_000)), Duration.ZERO, -1);
  }
}
