package io.casteroperator.api;

/** Condition types and reasons the operator writes. Reasons are valid Kubernetes reasons (no dots). */
public final class Conditions {

  /** True when the cloud caster matches the current spec. */
  public static final String READY = "Ready";

  /** True when the last attempt to apply the spec succeeded. */
  public static final String SYNCED = "Synced";

  /** True when the cloud caster's configuration differs from the spec (someone changed it). */
  public static final String DRIFTED = "Drifted";

  /**
   * True when the caster runs, as last seen or made so; its reason says whether that is what the
   * spec asks for (spec.running), or that the spec leaves it alone.
   */
  public static final String RUNNING = "Running";

  /** Reasons of the conditions. */
  public static final class Reason {
    /** The configuration was applied and the cloud matches the spec. */
    public static final String APPLIED = "Applied";
    /** ObserveOnly: the cloud matches the spec. */
    public static final String OBSERVED = "Observed";
    /** The spec breaks a rule of the schema; no call is made. */
    public static final String INVALID_SPEC = "InvalidSpec";
    /** Another Caster already manages this casterId; no call is made. */
    public static final String CASTER_ID_CONFLICT = "CasterIdConflict";
    /** spec.casterId differs from the caster this Caster already manages; no call is made. */
    public static final String CASTER_ID_IMMUTABLE = "CasterIdImmutable";
    /** The credentials Secret is missing or incomplete; no call is made. */
    public static final String CREDENTIALS_ERROR = "CredentialsError";
    /** A call is waiting for the account's API budget. */
    public static final String PENDING = "Pending";
    /** The Live API answered Throttling; the operator backs off. */
    public static final String THROTTLED = "Throttled";
    /** A transient failure (5xx, timeout, connection); the operator retries with backoff. */
    public static final String RETRYING = "Retrying";
    /** The Live API refused the request; retried only on a change or by the slow probe. */
    public static final String CLOUD_ERROR = "CloudError";
    /** Channels can be enabled only while the caster is stopped. */
    public static final String CHANNEL_ENABLE_REQUIRES_STOPPED_CASTER =
        "ChannelEnableRequiresStoppedCaster";
    /** The spec turns channels off, which the Live API can never do. */
    public static final String CHANNEL_DISABLE_UNSUPPORTED = "ChannelDisableUnsupported";
    /** The paused annotation is set; no calls are made. */
    public static final String PAUSED = "Paused";
    /** ObserveOnly: the cloud differs from the spec and the operator does not write. */
    public static final String DRIFT_DETECTED = "DriftDetected";
    /** Drift was found and undone. */
    public static final String CORRECTED = "Corrected";
    /** The cloud matches the spec. */
    public static final String NO_DRIFT = "NoDrift";
    /**
     * A correction of drift did not take: the next read still differed in the same fields. They are
     * not corrected again until the spec changes.
     */
    public static final String CORRECTION_DID_NOT_TAKE = "CorrectionDidNotTake";
    /** The operator failed on this Caster (a bug); it tries again after the slow probe. */
    public static final String OPERATOR_ERROR = "OperatorError";
    /** The cloud caster is being stopped and deleted. */
    public static final String DELETING = "Deleting";
    /**
     * Deletion waits: the operator cannot confirm that the caster is gone (its recorded region or
     * credentials are not usable, or the Live API refused). The finalizer stays.
     */
    public static final String DELETION_UNCONFIRMED = "DeletionUnconfirmed";
    /** spec.regionId differs from the region the caster lives in (status.regionId); no call is made. */
    public static final String REGION_IMMUTABLE = "RegionImmutable";
    /**
     * The credentials belong to another account than the caster (status.accountId), and the Live
     * API does not find the caster with them: it cannot be seen, which does not mean it is gone.
     */
    public static final String ACCOUNT_MISMATCH = "AccountMismatch";

    /** Running: the caster runs, as spec.running asks. */
    public static final String STARTED = "Started";
    /** Running: the caster is stopped, as spec.running asks. */
    public static final String STOPPED = "Stopped";
    /** Running: the caster is to start (spec.running true): waiting for its configuration, the budget, or a retry. */
    public static final String STARTING = "Starting";
    /** Running: the caster is to stop (spec.running false). */
    public static final String STOPPING = "Stopping";
    /** Running: the Live API refused to start the caster (code in status.lastErrorCode). */
    public static final String START_FAILED = "StartFailed";
    /** Running: the Live API refused to stop the caster. */
    public static final String STOP_FAILED = "StopFailed";
    /** Running: spec.running is not set; the operator never starts or stops this caster. */
    public static final String NOT_MANAGED = "NotManaged";
    /** The outputs Secret exists and is not owned by this Caster; the operator does not overwrite it. */
    public static final String OUTPUTS_SECRET_CONFLICT = "OutputsSecretConflict";
    /**
     * The Live API refused some items of the studio (status.studio has each one's error code); the
     * others are applied. The message counts them and names the refused ones.
     */
    public static final String STUDIO_INCOMPLETE = "StudioIncomplete";

    private Reason() {}
  }

  private Conditions() {}
}
