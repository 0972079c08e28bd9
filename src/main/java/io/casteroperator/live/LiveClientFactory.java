package io.casteroperator.live;

/** Gives the client for a set of credentials and a region. */
public interface LiveClientFactory {
  LiveClient client(LiveCredentials credentials, String regionId);
}
