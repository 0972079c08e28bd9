package io.casteroperator.api;

/** What the operator may do to the cloud caster. */
public enum ManagementPolicy {
  /** Create, configure and (per the deletion policy) delete the caster. */
  Full,
  /** Never write to the cloud: read the caster and report its configuration and drift. */
  ObserveOnly
}
