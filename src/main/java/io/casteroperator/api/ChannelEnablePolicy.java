package io.casteroperator.api;

/** What the operator does when channels are to be enabled on a caster that runs. */
public enum ChannelEnablePolicy {
  /** Apply everything else and wait until the caster is stopped (by someone else). */
  WaitForStop,
  /**
   * Stop the caster, enable channels, and start it again (when it should run). This interrupts the
   * broadcast and discards the caster's layouts.
   */
  RestartCaster
}
