package io.casteroperator.live;

/**
 * What a failed call says about the world, as opposed to {@link ErrorClass}, which says when to try
 * again. The reconciler decides from this, never from raw error codes.
 */
public enum ErrorMeaning {
  /**
   * The caster is not there, as far as these credentials can see in the region the call went to.
   * Whether that means "gone" is for the caller to decide: other credentials or another region may
   * well see it.
   */
  NOT_FOUND,
  /** Channels can be enabled only while the caster is stopped. */
  CHANNELS_NEED_STOPPED_CASTER,
  /** The caster runs, and what was asked needs it stopped first. */
  CASTER_IN_USE,
  /** The caster (or its scene) is not running, and what was asked needs it running, or stops it. */
  CASTER_IDLE,
  /** The caster has no scenes yet: they are created at its first start. */
  NO_SCENES,
  /** Channels are enabled on the caster, and the Live API can never turn them off. */
  CHANNELS_CANNOT_BE_DISABLED,
  /** An item of the studio (input, layout, overlay) is not there: deleted outside the operator. */
  ITEM_NOT_FOUND,
  /** The credentials lack a permission (RAM). */
  ACCESS_DENIED,
  /** The account's quota for the action is spent. */
  THROTTLED,
  /**
   * A studio item (input, layout, overlay) is still used by another (a layout, a channel, a scene)
   * and cannot be deleted before it is taken out of use.
   */
  ITEM_IN_USE,
  /**
   * The request as a whole is refused, whatever it asks: the credentials, the signature, the
   * region, the endpoint or the caster id. Every other call with them would be refused the same.
   */
  REQUEST_REJECTED,
  /** Anything else: the error class says whether a retry can help. */
  OTHER
}
