package io.casteroperator.reconciler;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.Caster;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One cloud caster, one owner: the Caster that claimed it first. Within a run the claim is taken
 * atomically the first time a Caster is found to be the owner; across restarts the durable signs of
 * a claim decide (status.casterId is written only by a Caster that made calls for the caster, the
 * caster-id annotation only by the one that created it), then age. Creation timestamps alone
 * cannot decide: they have one-second resolution.
 */
final class Ownership {

  private final Map<String, String> claims = new HashMap<>();

  /** The uid of the owner of {@code casterId} among the Casters naming it ({@code asking} included). */
  synchronized String ownerOf(String casterId, Caster asking, List<Caster> claimants) {
    String current = claims.get(casterId);
    if (current != null && claimants.stream().anyMatch(c -> uid(c).equals(current))) {
      return current;
    }
    Caster first = claimants.stream()
        .sorted(Comparator.comparing((Caster c) -> !hasDurableClaim(c, casterId))
            .thenComparing(c -> String.valueOf(c.getMetadata().getCreationTimestamp()))
            .thenComparing(Ownership::uid))
        .findFirst()
        .orElse(asking);
    claims.put(casterId, uid(first));
    return uid(first);
  }

  /** The Caster is gone: its caster is free for the next claimant. */
  synchronized void release(String casterId, String uid) {
    claims.remove(casterId, uid);
  }

  private static boolean hasDurableClaim(Caster caster, String casterId) {
    Map<String, String> annotations = caster.getMetadata().getAnnotations();
    return (annotations != null && casterId.equals(annotations.get(Annotations.CASTER_ID)))
        || (caster.getStatus() != null && casterId.equals(caster.getStatus().getCasterId()));
  }

  private static String uid(Caster caster) {
    return caster.getMetadata().getUid();
  }
}
