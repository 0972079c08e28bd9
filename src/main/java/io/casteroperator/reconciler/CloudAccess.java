package io.casteroperator.reconciler;

import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.config.Violation;
import io.casteroperator.live.LiveClientFactory;
import io.casteroperator.live.LiveRegions;
import io.casteroperator.reconciler.CredentialsResolver.Resolution;
import java.util.List;

/**
 * Where a Caster's calls go: which credentials, which region, which account, and whether that
 * account is the one status recorded for the caster. A caster lives in one region and one account
 * for good; credentials may change (key rotation, another RAM user), the region may not.
 */
final class CloudAccess {

  private final ReconcilerSettings settings;
  private final LiveClientFactory clients;
  private final CredentialsResolver credentials;
  private final Outcomes outcomes;

  CloudAccess(ReconcilerSettings settings, LiveClientFactory clients, CredentialsResolver credentials, Outcomes outcomes) {
    this.settings = settings;
    this.clients = clients;
    this.credentials = credentials;
    this.outcomes = outcomes;
  }

  /** For converging: the spec's credentials, and the recorded region (the spec's until one is recorded). */
  boolean forConvergence(Reconciliation r) {
    Resolution resolution = credentials.resolve(r.caster);
    if (resolution.problem() != null) {
      outcomes.blocked(r, Reason.CREDENTIALS_ERROR, resolution.problem());
      return false;
    }
    CasterLocation recorded = r.recorded();
    String wanted = r.spec().getRegionId();
    if (recorded != null && wanted != null && !wanted.equals(recorded.regionId())) {
      outcomes.blocked(r, Reason.REGION_IMMUTABLE, "spec.regionId " + wanted + " differs from " + recorded.regionId()
          + ", the region caster " + r.casterId + " lives in (status.regionId): a caster cannot move between regions,"
          + " so no call is made. Set spec.regionId back to " + recorded.regionId()
          + ", or create another Caster for a caster in " + wanted);
      return false;
    }
    String region = recorded != null ? recorded.regionId() : wanted != null ? wanted : settings.defaultRegion();
    if (!LiveRegions.isKnown(region)) {
      String field = wanted != null ? "spec.regionId" : "--region";
      outcomes.invalidSpec(r, List.of(new Violation(field, "region", (wanted != null ? "spec.regionId" : "the operator's default region")
          + ": " + region + " is not a region of the Live API, such as cn-shanghai or ap-southeast-1")));
      return false;
    }
    use(r, resolution, region, recorded == null
        || java.util.Objects.equals(recorded.accountId(), resolution.credentials().accountId()));
    return true;
  }

  /**
   * For deleting: only what status recorded decides (a spec that cannot be read must not block a
   * deletion, nor send it elsewhere). The recorded Secret first; the spec's Secret if it reaches the
   * same account. Says why, and returns false, when deletion cannot go ahead.
   */
  boolean forDeletion(Reconciliation r) {
    CasterLocation recorded = r.recorded();
    if (recorded == null) {
      return forUnrecordedDeletion(r);
    }
    if (!LiveRegions.isKnown(recorded.regionId())) {
      outcomes.deletionUnconfirmed(r, "status.regionId " + recorded.regionId() + " is not a region of the Live API");
      return false;
    }
    Resolution resolution = credentials.resolve(r.caster, recorded.credentialsSecretName());
    String specSecret = r.specReadable() && r.spec().getCredentialsSecretRef() != null
        ? r.spec().getCredentialsSecretRef().getName() : null;
    if (!reaches(resolution, recorded) && specSecret != null && !specSecret.equals(recorded.credentialsSecretName())) {
      Resolution alternative = credentials.resolve(r.caster, specSecret);
      if (reaches(alternative, recorded) || resolution.problem() != null && alternative.problem() == null) {
        resolution = alternative;
      }
    }
    if (resolution.problem() != null) {
      outcomes.deletionUnconfirmed(r, resolution.problem() + " (the credentials that reach caster " + r.casterId
          + " in account " + recorded.accountId() + ")");
      return false;
    }
    use(r, resolution, recorded.regionId(), reaches(resolution, recorded));
    return true;
  }

  /**
   * A caster an older operator version reached without recording where: the spec (or the default)
   * says where to call. "Not found" there confirms nothing, unless this Caster never reached its
   * caster at all (then there is nothing it could leave behind).
   */
  private boolean forUnrecordedDeletion(Reconciliation r) {
    Resolution resolution = r.specReadable() ? credentials.resolve(r.caster) : credentials.resolve(r.caster, null);
    if (resolution.problem() != null) {
      outcomes.deletionUnconfirmed(r, resolution.problem());
      return false;
    }
    String region = r.specReadable() && r.spec().getRegionId() != null ? r.spec().getRegionId() : settings.defaultRegion();
    if (!LiveRegions.isKnown(region)) {
      outcomes.deletionUnconfirmed(r, region + " is not a region of the Live API");
      return false;
    }
    var s = r.status();
    boolean reachedBefore = s.getAppliedConfigHash() != null || s.getLastObservedTime() != null
        || s.getOrigin() == io.casteroperator.api.CasterOrigin.Created;
    use(r, resolution, region, !reachedBefore);
    return true;
  }

  private static boolean reaches(Resolution resolution, CasterLocation recorded) {
    return resolution.problem() == null && recorded.accountId() != null
        && recorded.accountId().equals(resolution.credentials().accountId());
  }

  private void use(Reconciliation r, Resolution resolution, String region, boolean accountConfirmed) {
    r.credentialsVersion = resolution.version();
    r.target = new CasterLocation(region, resolution.credentials().accountId(), resolution.secretName());
    r.accountConfirmed = accountConfirmed;
    r.client = clients.client(resolution.credentials(), region);
  }
}
