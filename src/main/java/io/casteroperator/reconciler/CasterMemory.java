package io.casteroperator.reconciler;

import io.casteroperator.api.CasterStatus;
import io.casteroperator.live.CasterInfo;
import io.casteroperator.live.ObservedConfig;
import java.time.Instant;

/**
 * What the operator knows about one Caster beyond its status, for as long as it runs: the status
 * it last wrote (the informer's copy may lag behind its own writes), the last reads of the cloud,
 * and the failure it is backing off from. Lost on restart by design: status holds what must survive.
 */
final class CasterMemory {

  /** The status as this operator last decided it; {@code null} until its first reconcile since start. */
  CasterStatus knownStatus;

  /** The status last written successfully: what a merge patch must start from. */
  CasterStatus writtenStatus;

  /** The last DescribeCasterConfig answer, and when it came. */
  ObservedConfig observed;
  Instant observedAt;

  /** The last DescribeCasters answer for the caster, and when it came. */
  CasterInfo state;
  Instant stateAt;

  /** Consecutive throttled or transient failures, for the exponential backoff. */
  int failures;

  /** Until when nothing is tried again unless {@link #heldFor} changes. */
  Instant holdUntil;
  String heldFor;

  /** When the next drift check is due. */
  Instant nextDriftCheck;

  /** The adoption event ("the first write will change ...") was recorded. */
  boolean adoptionAnnounced;
}
