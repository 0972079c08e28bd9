package io.casteroperator.reconciler;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ObservedConfig;
import java.time.Instant;

/**
 * What the operator knows about one Caster beyond its status, for as long as it runs: a status it
 * could not write yet, the last reads of the cloud, and the failure it is backing off from. Lost on
 * restart by design: status holds what must survive.
 */
final class CasterMemory {

  /** Which Caster this is (namespace and name), to wake it up by uid. */
  io.javaoperatorsdk.operator.processing.event.ResourceID id;

  /**
   * A status this operator decided but the API server does not hold yet (its write was deferred
   * while the Caster waits for its budget, or failed); {@code null} when the API server holds what
   * was decided. Otherwise status comes from the API server, never from here.
   */
  CasterStatus unwritten;

  /**
   * The status this operator last wrote, and the resourceVersion the API server gave the Caster
   * for it: a Caster handed to a reconcile with an older resourceVersion (an informer that has not
   * caught up) must not take the status back to before that write.
   */
  CasterStatus written;
  String writtenVersion;

  /** The last DescribeCasterConfig answer, and when it came. */
  ObservedConfig observed;
  Instant observedAt;

  /** The last DescribeCasters answer for the caster, and when it came. */
  CasterInfo state;
  Instant stateAt;

  /** What the caster outputs, as last read (signed URLs: only the outputs Secret gets them whole). */
  java.util.List<io.casteroperator.live.CasterStream> streams;

  /** Consecutive throttled or transient failures, for the exponential backoff. */
  int failures;

  /** Until when nothing is tried again unless {@link #heldFor} changes. */
  Instant holdUntil;
  String heldFor;

  /** Whether the hold of a failure recorded in status was considered (once, on the first reconcile). */
  boolean holdRestored;

  /** When the next drift check is due. */
  Instant nextDriftCheck;

  /** The adoption event ("the first write will change ...") was recorded. */
  boolean adoptionAnnounced;

  /**
   * Whether this process has read the whole studio since it last had reason to doubt its records:
   * an item without a recorded id is added only after such a read, so that an add answered just
   * before a crash (its id never written) is found again instead of added twice.
   */
  boolean studioRead;

  /** The lists of a studio read that waits for the slot of its next Describe call; null when none is under way. */
  private StudioReadSoFar studioReadSoFar;

  /**
   * The read under way, or a new one. One begun while channel mode or the caster's state was
   * different is begun again: enabling channels discards layouts, a start creates the scenes.
   */
  StudioReadSoFar studioReadSoFar(boolean channelMode, io.casteroperator.api.CasterState state) {
    if (studioReadSoFar == null || !studioReadSoFar.beganUnder(channelMode, state)) {
      studioReadSoFar = new StudioReadSoFar(channelMode, state);
    }
    return studioReadSoFar;
  }

  void studioReadDone() {
    studioReadSoFar = null;
  }

  /** This operator called an action that changes the caster: lists read before may no longer be what is there. */
  void changedTheCaster() {
    studioReadSoFar = null;
  }

  /** Studio items whose last call was refused, by list and name: not tried again before notBefore unless their value changes. */
  final java.util.Map<String, StudioFailure> studioFailures = new java.util.HashMap<>();

  /** A refused studio call: for which value (hash) and until when it is not tried again. */
  record StudioFailure(String hash, Instant notBefore) {}
}
