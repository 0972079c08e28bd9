package io.casteroperator.reconciler;

import io.casteroperator.api.CasterStatus;
import java.util.Objects;

/**
 * Where a caster lives and how it is reached: its region, its account, and the credentials Secret
 * that reaches it ({@code null}: the operator's default credentials). Recorded in status when a
 * Caster first reaches its caster; from then on every call for the caster goes to that region, and
 * only credentials of that account can tell that the caster is gone.
 */
record CasterLocation(String regionId, String accountId, String credentialsSecretName) {

  /** What status recorded, or {@code null} before the caster was first reached. */
  static CasterLocation recordedIn(CasterStatus status) {
    if (status == null || status.getRegionId() == null) {
      return null;
    }
    return new CasterLocation(status.getRegionId(), status.getAccountId(), status.getCredentialsSecretName());
  }

  boolean sameAccountAs(CasterLocation other) {
    return other != null && Objects.equals(accountId, other.accountId);
  }

  /** The credentials, as a user would name them in a message. */
  String credentialsDescription(String namespace) {
    return credentialsSecretName == null ? "the operator's default credentials"
        : "Secret " + namespace + "/" + credentialsSecretName;
  }
}
