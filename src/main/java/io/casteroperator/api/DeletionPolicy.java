package io.casteroperator.api;

/** What happens to the cloud caster when its Caster is deleted. */
public enum DeletionPolicy {
  /** Stop the caster if it runs, then delete it. */
  Delete,
  /** Leave the caster in the cloud untouched. */
  Orphan
}
