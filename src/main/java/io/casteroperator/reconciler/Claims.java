package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.Conditions.Reason;
import io.casteroperator.api.Patterns;
import io.casteroperator.api.UnreadableSpec;
import io.casteroperator.config.Violation;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which cloud caster a Caster manages, and whether it may: the id it created (annotation) or
 * adopts (spec), never changed once set, and one owner per caster.
 */
final class Claims {

  private static final Pattern CASTER_ID = Pattern.compile(Patterns.CASTER_ID.replace("$", "\\z"));

  private final Ownership ownership = new Ownership();
  private final Outcomes outcomes;

  Claims(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** Sets {@link Reconciliation#casterId} (null: to be created); false, with the reason reported, when it may not go on. */
  boolean resolve(Reconciliation r) {
    String annotated = r.annotation(Annotations.CASTER_ID);
    if (annotated != null && !isCasterId(annotated)) {
      String field = "metadata.annotations[" + Annotations.CASTER_ID + "]";
      outcomes.invalidSpec(r, List.of(new Violation(field, "pattern", field + ": not a caster id; the operator writes it"
          + " when it creates a caster, and a Caster restored from a backup keeps it: remove or correct it")));
      return false;
    }
    String managed = annotated != null ? annotated : r.status().getCasterId();
    String wanted = r.spec().getCasterId();
    if (wanted != null && managed != null && !wanted.equals(managed)) {
      outcomes.blocked(r, Reason.CASTER_ID_IMMUTABLE, "spec.casterId " + wanted + " differs from caster " + managed
          + " that this Caster manages; casterId cannot change: create another Caster for another caster");
      return false;
    }
    r.casterId = wanted != null ? wanted : managed;
    if (r.casterId == null && r.observeOnly()) {
      outcomes.invalidSpec(r, List.of(new Violation("spec.casterId", "required",
          "spec.casterId: required with managementPolicy ObserveOnly (there is nothing to observe)")));
      return false;
    }
    outcomes.claimed(r, wanted != null && annotated == null);
    if (r.casterId != null && !owns(r, r.casterId)) {
      outcomes.blocked(r, Reason.CASTER_ID_CONFLICT, "caster " + r.casterId + " is already managed by Caster "
          + ownerName(r, r.casterId) + ", which claimed it first; this Caster makes no Live API calls");
      return false;
    }
    return true;
  }

  boolean owns(Reconciliation r, String casterId) {
    return ownership.ownerOf(casterId, r.caster, r.kube.castersNaming(casterId)).equals(r.uid());
  }

  /** The Caster is gone: its caster is free for the next claimant. */
  void release(String casterId, String uid) {
    ownership.release(casterId, uid);
  }

  private String ownerName(Reconciliation r, String casterId) {
    List<Caster> claimants = r.kube.castersNaming(casterId);
    String owner = ownership.ownerOf(casterId, r.caster, claimants);
    return claimants.stream().filter(c -> owner.equals(c.getMetadata().getUid()))
        .map(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()).findFirst().orElse(owner);
  }

  /** The caster a Caster manages: the one it created (annotation), else the one it adopts, else what status recorded. */
  static String managedCasterId(Caster caster) {
    Map<String, String> annotations = caster.getMetadata().getAnnotations();
    String created = annotations == null ? null : annotations.get(Annotations.CASTER_ID);
    if (created != null && isCasterId(created)) {
      return created;
    }
    // A mangled annotation must not drop the claim (nor the cleanup) that status still records.
    CasterSpec spec = caster.getSpec();
    if (spec != null && !(spec instanceof UnreadableSpec) && spec.getCasterId() != null) {
      return spec.getCasterId();
    }
    return caster.getStatus() == null ? null : caster.getStatus().getCasterId();
  }

  private static boolean isCasterId(String value) {
    return CASTER_ID.matcher(value).matches();
  }
}
