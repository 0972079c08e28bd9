package io.casteroperator.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock tests move by hand: either fixed, or the system clock shifted by an offset. */
final class MutableClock extends Clock {
  private final AtomicReference<Instant> fixed = new AtomicReference<>();
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  static MutableClock fixedAt(Instant instant) {
    MutableClock clock = new MutableClock();
    clock.fixed.set(instant);
    return clock;
  }

  static MutableClock followingSystemTime() {
    return new MutableClock();
  }

  void advance(Duration by) {
    if (fixed.get() != null) {
      fixed.updateAndGet(i -> i.plus(by));
    } else {
      offset.updateAndGet(o -> o.plus(by));
    }
  }

  void resetOffset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public Instant instant() {
    Instant f = fixed.get();
    return f != null ? f : Instant.now().plus(offset.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
