package io.casteroperator.ratelimit;

/** Who asks for a call: a user's change goes before the operator's own background reads. */
public enum Priority {
  /** Applying a spec, creating or deleting a caster: reserves the next free slot. */
  USER_CHANGE,
  /** Drift checks and polls: only takes a slot nobody has reserved. */
  BACKGROUND
}
