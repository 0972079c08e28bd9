package io.casteroperator.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * All casters of all accounts. One lock: every rule of the service is a read-check-write on a
 * caster, and the emulator's load is far below what one lock can serve.
 */
final class CasterStore {
  private final Map<String, StoredCaster> byId = new LinkedHashMap<>();
  /** account -> ClientToken -> CasterId, for idempotent CreateCaster. */
  private final Map<String, Map<String, String>> clientTokens = new HashMap<>();
  private long nextSequence;

  /** Runs {@code work} atomically against the caster of that account; another account's caster does not exist. */
  synchronized <R> R withCaster(String account, String casterId, Function<StoredCaster, R> work) {
    StoredCaster caster = byId.get(casterId);
    if (caster == null || (account != null && !caster.account.equals(account))) {
      throw ApiError.INVALID_CASTER_NOT_FOUND.exception("The specified caster " + casterId + " does not exist.");
    }
    return work.apply(caster);
  }

  synchronized <R> R withAll(Function<StoreView, R> work) {
    return work.apply(new StoreView());
  }

  /** The operations a unit of work may combine while holding the lock. */
  final class StoreView {
    List<StoredCaster> ofAccount(String account) {
      List<StoredCaster> casters = new ArrayList<>();
      for (StoredCaster c : byId.values()) {
        if (c.account.equals(account)) {
          casters.add(c);
        }
      }
      return casters;
    }

    Optional<StoredCaster> get(String casterId) {
      return Optional.ofNullable(byId.get(casterId));
    }

    Optional<String> idForClientToken(String account, String clientToken) {
      String id = clientTokens.getOrDefault(account, Map.of()).get(clientToken);
      return id != null && byId.containsKey(id) ? Optional.of(id) : Optional.empty();
    }

    long nextSequence() {
      return nextSequence++;
    }

    void add(StoredCaster caster) {
      if (byId.putIfAbsent(caster.id, caster) != null) {
        throw new IllegalArgumentException("A caster with id " + caster.id + " exists already");
      }
      if (caster.clientToken != null) {
        clientTokens.computeIfAbsent(caster.account, a -> new HashMap<>()).put(caster.clientToken, caster.id);
      }
    }

    void remove(String casterId) {
      byId.remove(casterId);
    }
  }

  synchronized List<CasterSnapshot> snapshots() {
    List<CasterSnapshot> all = new ArrayList<>();
    for (StoredCaster c : byId.values()) {
      all.add(c.snapshot());
    }
    return List.copyOf(all);
  }

  synchronized Optional<CasterSnapshot> snapshot(String casterId) {
    return Optional.ofNullable(byId.get(casterId)).map(StoredCaster::snapshot);
  }

  synchronized void clear() {
    byId.clear();
    clientTokens.clear();
  }
}
