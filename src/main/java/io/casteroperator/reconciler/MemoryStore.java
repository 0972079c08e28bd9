package io.casteroperator.reconciler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-Caster memory, by metadata.uid (a re-created Caster with the same name starts afresh). */
final class MemoryStore {

  private final Map<String, CasterMemory> byUid = new ConcurrentHashMap<>();

  CasterMemory of(String uid) {
    return byUid.computeIfAbsent(uid, u -> new CasterMemory());
  }

  void forget(String uid) {
    byUid.remove(uid);
  }

  int size() {
    return byUid.size();
  }
}
