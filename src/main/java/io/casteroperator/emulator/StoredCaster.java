package io.casteroperator.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The mutable state of one caster; only touched under the {@link CasterStore} lock. */
final class StoredCaster {
  final String id;
  final String account;
  /** The region it was created in; from any other region it does not exist. */
  final String region;
  final long sequence;
  final Instant createTime;
  final int normType;
  final String chargeType;
  final String resourceGroupId;
  final String casterTemplate;
  final String clientToken;
  final Map<String, String> tags;
  String name;
  boolean running;
  int channelEnable;
  Instant lastModified;
  /** SetCasterConfig parameters as last set, without CasterName. */
  Map<String, String> config = new LinkedHashMap<>();
  final Studio studio = new Studio();

  StoredCaster(
      String id,
      String account,
      String region,
      long sequence,
      Instant createTime,
      String name,
      int normType,
      String chargeType,
      String resourceGroupId,
      String casterTemplate,
      String clientToken,
      Map<String, String> tags) {
    this.id = id;
    this.account = account;
    this.region = region;
    this.sequence = sequence;
    this.createTime = createTime;
    this.lastModified = createTime;
    this.name = name;
    this.normType = normType;
    this.chargeType = chargeType;
    this.resourceGroupId = resourceGroupId;
    this.casterTemplate = casterTemplate;
    this.clientToken = clientToken;
    this.tags = new LinkedHashMap<>(tags);
  }

  /** The name is part of the configuration as DescribeCasterConfig shows it, so the snapshot's config holds it too. */
  CasterSnapshot snapshot() {
    Map<String, String> withName = new LinkedHashMap<>();
    withName.put(CasterParameters.CASTER_NAME, name);
    withName.putAll(config);
    return new CasterSnapshot(
        id, account, region, name, running ? 1 : 0, channelEnable, normType, chargeType, resourceGroupId, tags, createTime,
        lastModified, withName);
  }
}
