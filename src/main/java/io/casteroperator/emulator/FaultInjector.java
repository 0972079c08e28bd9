package io.casteroperator.emulator;

import java.util.Optional;
import java.util.Random;

/**
 * Rolls the dice for each call. Only rates strictly between 0 and 1 draw from the random source,
 * so 0 and 1 are exact and a seeded run repeats as long as the calls arrive in the same order.
 */
final class FaultInjector {
  private volatile FaultSettings settings = FaultSettings.none();
  private volatile Random random;

  FaultInjector(long seed) {
    this.random = new Random(seed);
  }

  FaultSettings settings() {
    return settings;
  }

  void apply(FaultSettings newSettings) {
    if (newSettings.seed() != null) {
      random = new Random(newSettings.seed());
    }
    settings = newSettings;
  }

  void clear() {
    settings = FaultSettings.none();
  }

  boolean dropBefore() {
    return roll(settings.dropBeforeRate());
  }

  boolean throttle() {
    return roll(settings.throttleRate());
  }

  Optional<ApiError> error(String action) {
    FaultSettings s = settings;
    if (!s.errorActions().isEmpty() && !s.errorActions().contains(action)) {
      return Optional.empty();
    }
    if (!roll(s.errorRate())) {
      return Optional.empty();
    }
    int pick = s.errorCodes().size() == 1 ? 0 : random.nextInt(s.errorCodes().size());
    return ApiError.byCode(s.errorCodes().get(pick));
  }

  boolean dropAfter() {
    return roll(settings.dropAfterRate());
  }

  long latencyMillis() {
    FaultSettings s = settings;
    if (s.latencyMaxMs() == 0) {
      return 0;
    }
    if (s.latencyMaxMs() == s.latencyMinMs()) {
      return s.latencyMinMs();
    }
    return s.latencyMinMs() + (long) (random.nextDouble() * (s.latencyMaxMs() - s.latencyMinMs() + 1));
  }

  private boolean roll(double rate) {
    if (rate <= 0) {
      return false;
    }
    if (rate >= 1) {
      return true;
    }
    return random.nextDouble() < rate;
  }
}
