package io.casteroperator.live;

import io.casteroperator.config.DesiredConfig;

/**
 * A caster's configuration as DescribeCasterConfig reports it.
 *
 * @param casterId the caster
 * @param config what it reports, as a configuration (write-only fields unset)
 */
public record ObservedConfig(String casterId, DesiredConfig config) {

  /** Whether channels are enabled on the caster. */
  public boolean channelsEnabled() {
    return config.wantsChannels();
  }
}
