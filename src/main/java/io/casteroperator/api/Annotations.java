package io.casteroperator.api;

/** Annotations and the finalizer the operator reads or writes on Casters. */
public final class Annotations {

  /** "true" stops all API calls for the Caster until it is removed. */
  public static final String PAUSED = Caster.GROUP + "/paused";

  /**
   * The id of the caster the operator created, written at once after CreateCaster. Unlike status,
   * metadata survives backup and restore, so a restored Caster adopts its caster instead of creating
   * a second one.
   */
  public static final String CASTER_ID = Caster.GROUP + "/caster-id";

  /** How often to read the caster back to look for drift, such as 30s or 10m. */
  public static final String DRIFT_INTERVAL = Caster.GROUP + "/drift-interval";

  /** Keeps a Caster whose deletion policy is Delete until its cloud caster is gone. */
  public static final String FINALIZER = Caster.GROUP + "/finalizer";

  private Annotations() {}
}
