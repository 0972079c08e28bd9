package io.casteroperator.emulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * All casters of all accounts and regions. One lock: every rule of the service is a
 * read-check-write on a caster, and the emulator's load is far below what one lock can serve.
 */
final class CasterStore {
  /** guess: a ClientToken is remembered per account and region, as each region is its own service. */
  private record TokenKey(String account, String region, String clientToken) {}

  private final Map<String, StoredCaster> byId = new LinkedHashMap<>();
  private final Map<TokenKey, String> clientTokens = new HashMap<>();
  private long nextSequence;

  /**
   * Runs {@code work} atomically against the caster as that account sees it from that region;
   * another account's caster, or one in another region, does not exist. A null account or region
   * matches any (the console sees everything).
   */
  synchronized <R> R withCaster(String account, String region, String casterId, Function<StoredCaster, R> work) {
    StoredCaster caster = byId.get(casterId);
    if (caster == null
        || (account != null && !caster.account.equals(account))
        // guess: the service answers as for an unknown caster when asked in another region.
        || (region != null && !caster.region.equals(region))) {
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

    Optional<String> idForClientToken(String account, String region, String clientToken) {
      String id = clientTokens.get(new TokenKey(account, region, clientToken));
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
        clientTokens.put(new TokenKey(caster.account, caster.region, caster.clientToken), caster.id);
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
