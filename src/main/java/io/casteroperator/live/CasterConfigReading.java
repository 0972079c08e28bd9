package io.casteroperator.live;

import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.casteroperator.config.DesiredConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A DescribeCasterConfig answer, as the SDK parsed it, turned into a configuration: the inverse of
 * {@link io.casteroperator.config.SetCasterConfigParameters}. Fields the service cannot report stay
 * unset, and the empty objects and lists the SDK fills in read as "not set".
 */
final class CasterConfigReading {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CasterConfigReading() {}

  static DesiredConfig fromResponse(DescribeCasterConfigResponse r) {
    return new DesiredConfig(
        text(r.getCasterName()),
        text(r.getDomainName()),
        transcode(r.getTranscodeConfig()),
        recording(r.getRecordConfig()),
        r.getDelay() == null ? null : Double.valueOf(Float.toString(r.getDelay())),
        text(r.getUrgentMaterialId()),
        text(r.getUrgentLiveStreamUrl()),
        text(r.getSideOutputUrl()),
        urlList(r.getSideOutputUrlList()),
        text(r.getCallbackUrl()),
        flag(r.getProgramEffect()),
        text(r.getProgramName()),
        flag(r.getChannelEnable()),
        syncGroups(r.getSyncGroupsConfig()),
        text(r.getUrgentImageId()),
        text(r.getUrgentImageUrl()),
        r.getAutoSwitchUrgentOn() == null || r.getAutoSwitchUrgentOn().isEmpty()
            ? null : Boolean.valueOf(r.getAutoSwitchUrgentOn()),
        eofThreshold(r.getAutoSwitchUrgentConfig()));
  }

  private static DesiredConfig.Transcode transcode(DescribeCasterConfigResponse.TranscodeConfig t) {
    if (t == null) {
      return null;
    }
    DesiredConfig.Video video = null;
    if (t.getCustomParams() != null && t.getCustomParams().getVideo() != null) {
      var v = t.getCustomParams().getVideo();
      if (Stream.of(v.getFps(), v.getBitrate(), v.getWidth(), v.getHeight()).anyMatch(Objects::nonNull)) {
        video = new DesiredConfig.Video(v.getFps(), v.getBitrate(), v.getWidth(), v.getHeight());
      }
    }
    List<String> ids = nonEmpty(t.getLiveTemplateIds());
    String template = text(t.getCasterTemplate());
    if (template == null && ids == null && video == null) {
      return null;
    }
    return new DesiredConfig.Transcode(template, ids, video);
  }

  private static DesiredConfig.Recording recording(DescribeCasterConfigResponse.RecordConfig r) {
    if (r == null) {
      return null;
    }
    List<DesiredConfig.RecordingFormat> formats = null;
    if (r.getRecordFormat() != null && !r.getRecordFormat().isEmpty()) {
      formats = new ArrayList<>();
      for (var f : r.getRecordFormat()) {
        formats.add(new DesiredConfig.RecordingFormat(text(f.getFormat()),
            text(f.getOssObjectPrefix()), text(f.getSliceOssObjectPrefix()), f.getCycleDuration()));
      }
    }
    String endpoint = text(r.getOssEndpoint());
    String bucket = text(r.getOssBucket());
    if (endpoint == null && bucket == null && formats == null) {
      return null;
    }
    return new DesiredConfig.Recording(endpoint, bucket, null, formats);
  }

  private static List<DesiredConfig.SyncGroup> syncGroups(List<DescribeCasterConfigResponse.SyncGroup> groups) {
    if (groups == null || groups.isEmpty()) {
      return null;
    }
    return groups.stream()
        .map(g -> new DesiredConfig.SyncGroup(g.getMode(), nonEmpty(g.getResourceIds()), text(g.getHostResourceId())))
        .toList();
  }

  /** SideOutputUrlList as the service reports it: a JSON array, or (defensively) a comma-separated list. */
  static List<String> urlList(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String trimmed = value.trim();
    if (trimmed.startsWith("[")) {
      try {
        List<String> urls = new ArrayList<>();
        JSON.readTree(trimmed).forEach(n -> urls.add(n.asText()));
        return nonEmpty(urls);
      } catch (JsonProcessingException e) {
        // not JSON after all: fall through to the plain form
      }
    }
    return nonEmpty(Arrays.stream(trimmed.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static Integer eofThreshold(String json) {
    if (json == null || json.isBlank()) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(json);
      JsonNode value = node.has("eofThres") ? node.get("eofThres") : node.get("EofThres");
      return value == null || value.isNull() ? null : value.asInt();
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static Boolean flag(Integer value) {
    return value == null ? null : value != 0;
  }

  private static String text(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static <T> List<T> nonEmpty(List<T> values) {
    return values == null || values.isEmpty() ? null : values;
  }
}
