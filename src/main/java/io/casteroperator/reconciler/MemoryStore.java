package io.casteroperator.reconciler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Per-Caster memory, by metadata.uid (a re-created Caster with the same name starts afresh). */
final class MemoryStore {

  private final Map<String, CasterMemory> byUid = new ConcurrentHashMap<>();

  /** The Caster's memory; it also remembers which Caster it is, to wake it by uid. */
  CasterMemory of(io.casteroperator.api.Caster caster) {
    CasterMemory memory = byUid.computeIfAbsent(caster.getMetadata().getUid(), u -> new CasterMemory());
    memory.id = io.javaoperatorsdk.operator.processing.event.ResourceID.fromResource(caster);
    return memory;
  }

  /** The Caster a uid belongs to, while the operator knows it. */
  java.util.Optional<io.javaoperatorsdk.operator.processing.event.ResourceID> idOf(String uid) {
    CasterMemory memory = byUid.get(uid);
    return memory == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(memory.id);
  }

  void forget(String uid) {
    byUid.remove(uid);
  }

  int size() {
    return byUid.size();
  }
}
