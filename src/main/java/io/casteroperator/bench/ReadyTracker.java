package io.casteroperator.bench;

import io.casteroperator.api.Caster;
import io.casteroperator.api.Condition;
import io.casteroperator.api.ConditionStatus;
import io.casteroperator.api.Conditions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches Casters (as a user's tool would) and records when each first became Ready for a given
 * generation.
 */
final class ReadyTracker implements AutoCloseable {

  private final Map<String, Long> readyAtNanos = new ConcurrentHashMap<>();
  private volatile long generation = 1;
  private final SharedIndexInformer<Caster> informer;

  ReadyTracker(KubernetesClient client) {
    informer = client.resources(Caster.class).inAnyNamespace().inform(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Caster caster) {
        seen(caster);
      }

      @Override
      public void onUpdate(Caster before, Caster caster) {
        seen(caster);
      }

      @Override
      public void onDelete(Caster caster, boolean unknown) {}
    }, 0);
  }

  /** Starts counting Ready for {@code value}: what a phase waits for. */
  void expectGeneration(long value) {
    generation = value;
    readyAtNanos.clear();
  }

  private void seen(Caster caster) {
    if (caster.getStatus() == null || caster.getStatus().getConditions() == null) {
      return;
    }
    Long observed = caster.getMetadata().getGeneration();
    for (Condition c : caster.getStatus().getConditions()) {
      if (Conditions.READY.equals(c.getType()) && c.getStatus() == ConditionStatus.True
          && observed != null && observed == generation && Long.valueOf(generation).equals(c.getObservedGeneration())) {
        readyAtNanos.putIfAbsent(caster.getMetadata().getName(), System.nanoTime());
      }
    }
  }

  int readyCount() {
    return readyAtNanos.size();
  }

  /** Times (nanoTime) at which Casters became Ready, sorted. */
  List<Long> readyTimes() {
    List<Long> times = new ArrayList<>(readyAtNanos.values());
    times.sort(Long::compare);
    return times;
  }

  @Override
  public void close() {
    informer.close();
  }
}
