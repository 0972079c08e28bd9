package io.casteroperator.reconciler;

import static io.casteroperator.live.LiveAction.DeleteCaster;
import static io.casteroperator.live.LiveAction.DescribeCasters;
import static io.casteroperator.live.LiveAction.StopCaster;

import io.casteroperator.api.Annotations;
import io.casteroperator.api.DeletionPolicy;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ErrorMeaning;
import io.casteroperator.live.LiveError;
import io.casteroperator.reconciler.CloudCalls.Answer;
import io.casteroperator.reconciler.CloudCalls.Purpose;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A Caster with deletion policy Delete goes away only once its caster is confirmed gone: deleted
 * by DeleteCaster (stopped first if it runs), or not found by a call to the region it lives in
 * with credentials of the account it lives in (both as status recorded). Anything else waits and
 * says why: the finalizer is what keeps a billed studio from being left behind unmanaged.
 */
final class Deletion {

  private final CloudCalls calls;
  private final Outcomes outcomes;
  private final CloudAccess access;
  private final Claims claims;

  Deletion(CloudCalls calls, Outcomes outcomes, CloudAccess access, Claims claims) {
    this.calls = calls;
    this.outcomes = outcomes;
    this.access = access;
    this.claims = claims;
  }

  /** Returns whether the finalizer was removed (the Caster then goes away). */
  boolean delete(Reconciliation r) {
    if (!r.caster.hasFinalizer(Annotations.FINALIZER)) {
      return false;
    }
    String id = Claims.managedCasterId(r.caster);
    if (r.paused()) {
      outcomes.leftInCloudWhilePaused(r, id);
      return removeFinalizer(r);
    }
    if (id == null || r.observeOnly() || r.deletionPolicy() == DeletionPolicy.Orphan || !claims.owns(r, id)) {
      return removeFinalizer(r);
    }
    r.casterId = id;
    if (!access.forDeletion(r) || outcomes.heldBack(r)) {
      return false;
    }
    outcomes.deleting(r, "stopping and deleting caster " + id);
    return stopAndDelete(r);
  }

  private boolean stopAndDelete(Reconciliation r) {
    NotFound notFound = new NotFound();
    Optional<Answer<CasterInfo>> state =
        calls.call(r, DescribeCasters, Purpose.DELETE, c -> c.observeState(r.casterId), notFound);
    if (notFound.seen != null || state.isEmpty()) {
      return notFound.seen != null && gone(r, notFound.seen);
    }
    if (state.get().value().running()) {
      Optional<Answer<Void>> stop = calls.call(r, StopCaster, Purpose.DELETE, c -> c.stop(r.casterId), notFound);
      if (notFound.seen != null || stop.isEmpty()) {
        return notFound.seen != null && gone(r, notFound.seen);
      }
      outcomes.stoppedForDeletion(r, stop.get().requestId());
    }
    Optional<Answer<Void>> deletion = calls.call(r, DeleteCaster, Purpose.DELETE, c -> c.delete(r.casterId), notFound);
    if (notFound.seen != null || deletion.isEmpty()) {
      return notFound.seen != null && gone(r, notFound.seen);
    }
    outcomes.deleted(r, deletion.get().requestId());
    return removeFinalizer(r);
  }

  /** "Not found" means gone only when it comes from the caster's own account (the region is always its own). */
  private boolean gone(Reconciliation r, LiveError notFound) {
    if (!r.accountConfirmed) {
      outcomes.deletionUnconfirmed(r, notFound.describe() + ": " + (r.recorded() == null
          ? "this Caster reached caster " + r.casterId + " before the operator recorded where casters live, so"
              + " not finding it in " + r.target.regionId() + " with " + r.target.credentialsDescription(r.namespace())
              + " does not prove it is gone"
          : Outcomes.accountMismatch(r)));
      return false;
    }
    outcomes.gone(r, notFound);
    return removeFinalizer(r);
  }

  private static boolean removeFinalizer(Reconciliation r) {
    r.kube.removeFinalizer(r.caster);
    return true;
  }

  /** Catches the "not found" answers, which only the deletion rule may judge. */
  private static final class NotFound implements Predicate<LiveError> {
    LiveError seen;

    @Override
    public boolean test(LiveError error) {
      if (error.means(ErrorMeaning.NOT_FOUND)) {
        seen = error;
        return true;
      }
      return false;
    }
  }
}
