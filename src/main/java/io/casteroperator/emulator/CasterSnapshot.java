package io.casteroperator.emulator;

import java.time.Instant;
import java.util.Map;

/**
 * An immutable view of one caster as the cloud holds it.
 *
 * @param regionId the region it was created in; calls to any other region do not find it
 * @param status 0 idle, 1 running, as DescribeCasters reports it
 * @param config every SetCasterConfig parameter as last set, raw (JSON parameters as sent), and
 *     always CasterName (a caster keeps its name when a call leaves it out)
 * @param tags the tags given to CreateCaster, in their order
 */
public record CasterSnapshot(
    String casterId,
    String account,
    String regionId,
    String casterName,
    int status,
    int channelEnable,
    int normType,
    String chargeType,
    String resourceGroupId,
    Map<String, String> tags,
    Instant createTime,
    Instant lastModified,
    Map<String, String> config) {

  public CasterSnapshot {
    tags = Map.copyOf(tags);
    config = Map.copyOf(config);
  }

  public boolean running() {
    return status == 1;
  }
}
