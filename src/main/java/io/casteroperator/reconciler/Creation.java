package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.CreateCaster;

import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.NormType;
import io.casteroperator.api.Tag;
import io.casteroperator.config.DesiredConfig;
import io.casteroperator.live.NewCaster;
import io.casteroperator.live.ObservedConfig;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Caster without casterId gets a new caster. The client token is derived from the Caster's uid,
 * so a retry after a crash gets the same caster back, never a second, billed one; and the new id
 * goes onto the Caster (annotation) before anything else is done with it.
 */
final class Creation {

  private final CloudCalls calls;
  private final Outcomes outcomes;

  Creation(CloudCalls calls, Outcomes outcomes) {
    this.calls = calls;
    this.outcomes = outcomes;
  }

  /** Whether the caster now exists (its id in {@link Reconciliation#casterId}). */
  boolean create(Reconciliation r) {
    NewCaster request = request(r);
    Optional<Answer<String>> answer = calls.call(r, CreateCaster, Purpose.CONVERGE, c -> c.create(request));
    if (answer.isEmpty()) {
      return false;
    }
    String id = answer.get().value();
    CrashPoint.AFTER_CREATE_CASTER.reach();
    r.kube.annotateCasterId(r.caster, id);
    r.casterId = id;
    r.memory.observed = new ObservedConfig(id, DesiredConfig.EMPTY); // a new caster is empty
    outcomes.created(r, id, answer.get().requestId());
    return true;
  }

  private static NewCaster request(Reconciliation r) {
    CasterSpec spec = r.spec();
    Map<String, String> tags = new LinkedHashMap<>();
    if (spec.getTags() != null) {
      spec.getTags().forEach((Tag t) -> tags.put(t.getKey(), t.getValue() == null ? "" : t.getValue()));
    }
    return new NewCaster(
        "caster-operator-" + r.uid(), // the same token on every retry: never a second caster
        spec.getCasterName() != null ? spec.getCasterName() : r.caster.getMetadata().getName(),
        (spec.getNormType() == null ? NormType.General : spec.getNormType()).apiValue(),
        spec.getResourceGroupId(),
        tags);
  }
}
