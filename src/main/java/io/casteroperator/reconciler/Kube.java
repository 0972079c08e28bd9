package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterStatus;
import java.util.List;

/**
 * What a reconcile reads and writes on the Kubernetes side, apart from the Caster it was handed:
 * the other Casters naming the same cloud caster, the caster-id annotation, the finalizer, the
 * status and the Events. One implementation talks to the API server through JOSDK; tests use a
 * plain fake.
 */
interface Kube {

  /** Every Caster (in any namespace) that manages or names cloud caster {@code casterId}. */
  List<Caster> castersNaming(String casterId);

  /** Records the id of a caster the operator created on the Caster itself, before anything else. */
  void annotateCasterId(Caster caster, String casterId);

  void addFinalizer(Caster caster);

  void removeFinalizer(Caster caster);

  /**
   * Makes the API server hold {@code after} as the Caster's status, taking the difference against
   * what it holds now. False when the write was deferred (only bookkeeping changed while the Caster
   * waits for its budget): the next reconcile starts from {@code after} then.
   */
  StatusWriter.Written writeStatus(Caster caster, CasterStatus after);

  void recordEvent(Caster caster, boolean warning, String reason, String message);

  /** Creates ({@code create}) or replaces a Secret the operator owns (the outputs Secret). */
  void saveSecret(io.fabric8.kubernetes.api.model.Secret secret, boolean create);
}
