package io.casteroperator.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a person in the Alibaba Cloud console does to casters behind the operator's back: create,
 * edit a few fields, start, stop, delete. No signature, no quota, and none of the API's state rules,
 * only its value checks (the console does not accept a malformed value either).
 */
final class CloudConsole {
  private final CasterStore store;
  private final CasterActions actions;
  private final Authenticator authenticator;
  private final EmulatorSettings settings;
  private final Clock clock;

  CloudConsole(CasterStore store, CasterActions actions, Authenticator authenticator, EmulatorSettings settings, Clock clock) {
    this.store = store;
    this.actions = actions;
    this.authenticator = authenticator;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Runs a console operation with the service's rules: an unknown caster or item becomes
   * NoSuchElementException, any other refusal IllegalArgumentException naming the service's code.
   */
  static <R> R unwrap(Supplier<R> work) {
    try {
      return work.get();
    } catch (ApiException e) {
      if (e.error().httpStatus() == 404) {
        throw new NoSuchElementException(e.getMessage());
      }
      throw new IllegalArgumentException(e.error().code() + ": " + e.getMessage(), e);
    }
  }

  String createCaster(String account, String regionOrNull, String casterIdOrNull, String name) {
    if (account == null || !authenticator.hasAccount(account)) {
      throw new IllegalArgumentException("No AccessKey belongs to account " + account);
    }
    return actions.addCaster(account, regionOrNull, casterIdOrNull, name);
  }

  /** Starting from the console creates the scenes and signs the outputs as StartCaster does, without its checks. */
  void setRunning(String casterId, boolean running) {
    Instant now = now();
    change(casterId, c -> {
      if (c.running != running) {
        if (running) {
          actions.scenes().start(c, now);
        } else {
          actions.scenes().stop(c, now);
        }
      }
    });
  }

  /** Merges the given parameters into the configuration; an empty value clears one. */
  void changeConfig(String casterId, Map<String, String> parameters) {
    Map<String, String> changes = new LinkedHashMap<>(parameters);
    try {
      changes.forEach((name, value) -> CasterParameters.validate(name, value == null ? "" : value));
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    changes.replaceAll((name, value) -> value == null ? null : settings.normalized(name, value));
    Instant now = now();
    change(casterId, c -> {
      changes.forEach((name, value) -> merge(c, name, value));
      c.lastModified = now;
    });
  }

  private static void merge(StoredCaster c, String name, String value) {
    boolean clear = value == null || value.isEmpty() || CasterParameters.clearsLikeEmpty(name, value);
    if (CasterParameters.CASTER_NAME.equals(name)) {
      if (!clear) {
        c.name = value; // a caster always has a name
      }
      return;
    }
    if (clear) {
      c.config.remove(name);
    } else {
      c.config.put(name, value);
    }
    if (CasterParameters.CHANNEL_ENABLE.equals(name)) {
      int enabled = clear ? 0 : Integer.parseInt(value);
      if (c.channelEnable == 0 && enabled == 1) {
        CasterActions.discardLayoutsForChannels(c);
      }
      c.channelEnable = enabled;
    }
  }

  boolean deleteCaster(String casterId) {
    return store.withAll(view -> {
      if (view.get(casterId).isEmpty()) {
        return false;
      }
      view.remove(casterId);
      return true;
    });
  }

  private void change(String casterId, Consumer<StoredCaster> change) {
    unwrap(() -> store.withCaster(null, null, casterId, c -> {
      change.accept(c);
      return null;
    }));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
