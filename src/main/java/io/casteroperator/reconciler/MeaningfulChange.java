package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of a Caster need a reconcile: a spec change (generation), and the metadata the
 * operator reads (annotations such as paused and drift-interval, finalizers, deletion, labels).
 * Status-only updates, above all the operator's own status patches, are not.
 */
public final class MeaningfulChange implements OnUpdateFilter<Caster> {

  @Override
  public boolean accept(Caster updated, Caster previous) {
    ObjectMeta now = updated.getMetadata();
    ObjectMeta before = previous.getMetadata();
    return before.getGeneration() == null
        || !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getLabels(), before.getLabels())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers())
        || !Objects.equals(now.getDeletionTimestamp(), before.getDeletionTimestamp());
  }
}
