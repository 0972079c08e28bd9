package io.casteroperator.api;

/** Whether the cloud caster is running, as last seen. */
public enum CasterState {
  /** Stopped ({@code Status=0}). */
  Idle,
  /** Running ({@code Status=1}). */
  Running
}
