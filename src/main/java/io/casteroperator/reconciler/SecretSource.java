package io.casteroperator.reconciler;

import io.casteroperator.api.Caster;
import io.fabric8.kubernetes.api.model.Secret;

/** Where a Caster's credentials Secret comes from. */
interface SecretSource {

  /** Secret {@code namespace/name}, which {@code user} needs; {@code null} when there is none. */
  Secret secret(Caster user, String namespace, String name);
}
