package io.casteroperator.live;

/** What the operator should do about a failed call. */
public enum ErrorClass {
  /** The account's quota was exceeded: slow down, then retry. */
  THROTTLED,
  /** A transient failure (5xx, timeout, connection): retry with backoff. */
  RETRYABLE,
  /** The caster's state does not allow it yet (it runs): wait for the state to change. */
  PRECONDITION,
  /** The request itself is wrong or forbidden: retrying the same request cannot help. */
  TERMINAL
}
