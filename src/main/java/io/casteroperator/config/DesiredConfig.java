package io.casteroperator.config;

import java.util.List;

/**
 * The configuration of a caster, as SetCasterConfig takes it: every request parameter except the
 * target (CasterId, RegionId). Immutable; {@code null} means "not set", which the API treats as
 * "clear". Built from a spec by {@link SpecMapper} and from a DescribeCasterConfig answer by
 * the cloud seam (io.casteroperator.live), so that both sides compare through {@link
 * #observable()}.
 */
public record DesiredConfig(
    String casterName,
    String domainName,
    Transcode transcode,
    Recording recording,
    Double delay,
    String urgentMaterialId,
    String urgentLiveStreamUrl,
    String sideOutputUrl,
    List<String> sideOutputUrls,
    String callbackUrl,
    Boolean programEffect,
    String programName,
    Boolean channelEnable,
    List<SyncGroup> syncGroups,
    String urgentImageId,
    String urgentImageUrl,
    Boolean autoSwitchUrgentOn,
    Integer autoSwitchEofThreshold) {

  /** A configuration with nothing set: what SetCasterConfig with only a CasterId leaves behind. */
  public static final DesiredConfig EMPTY =
      new DesiredConfig(null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null, null);

  public DesiredConfig {
    sideOutputUrls = copy(sideOutputUrls);
    syncGroups = copy(syncGroups);
  }

  /** Whether channels are asked for. */
  public boolean wantsChannels() {
    return Boolean.TRUE.equals(channelEnable);
  }

  /** The same configuration with another ChannelEnable value. */
  public DesiredConfig withChannelEnable(Boolean value) {
    return new DesiredConfig(casterName, domainName, transcode, recording, delay, urgentMaterialId,
        urgentLiveStreamUrl, sideOutputUrl, sideOutputUrls, callbackUrl, programEffect, programName,
        value, syncGroups, urgentImageId, urgentImageUrl, autoSwitchUrgentOn, autoSwitchEofThreshold);
  }

  /** The part of this configuration that DescribeCasterConfig reports, normalized for comparison. */
  public ObservableConfig observable() {
    return ObservableConfig.of(this);
  }

  /** TranscodeConfig. */
  public record Transcode(String template, List<String> liveTemplateIds, Video video) {
    public Transcode {
      liveTemplateIds = copy(liveTemplateIds);
    }
  }

  /** TranscodeConfig.CustomParams.video. */
  public record Video(Integer fps, Integer bitrate, Integer width, Integer height) {}

  /** RecordConfig. {@code intervalMillis} is write-only: the service does not report it. */
  public record Recording(
      String endpoint, String ossBucket, Integer intervalMillis, List<RecordingFormat> formats) {
    public Recording {
      formats = copy(formats);
    }
  }

  /** One entry of RecordConfig.videoFormat. */
  public record RecordingFormat(
      String format, String ossObjectPrefix, String sliceOssObjectPrefix, Integer cycleDurationSeconds) {}

  /** One entry of SyncGroupsConfig. */
  public record SyncGroup(Integer mode, List<String> resourceIds, String hostResourceId) {
    public SyncGroup {
      resourceIds = copy(resourceIds);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
  }
}
