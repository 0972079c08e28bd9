package io.casteroperator.live;

/** Gives the client for a set of credentials and a region. */
public interface LiveClientFactory {
  LiveClient client(LiveCredentials credentials, String regionId);

  /** Prepares what the first call needs, so the first Caster does not wait for it. Sends nothing. */
  default void warmUp() {}
}
