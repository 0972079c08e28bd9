package io.casteroperator.config;

import com.aliyuncs.live.model.v20161101.DescribeCasterConfigResponse;
import com.aliyuncs.live.model.v20161101.SetCasterConfigRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The one place where a configuration becomes a SetCasterConfig request, and where a
 * DescribeCasterConfig answer becomes a configuration again.
 *
 * <p>SetCasterConfig replaces the whole configuration, so every request carries the complete
 * desired state. The JSON parameters use the key names the API documents: UpperCamelCase inside
 * TranscodeConfig, the documented mixed shapes for RecordConfig, lowerCamelCase for
 * SyncGroupsConfig and AutoSwitchUrgentConfig, and a JSON array for SideOutputUrlList. Text goes in
 * literally; Jackson escapes quotes and control characters inside the JSON parameters.
 */
public final class SetCasterConfigMapping {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Query parameters of the request that name the call and its target, not the configuration. */
  private static final java.util.Set<String> NOT_CONFIGURATION =
      java.util.Set.of("Action", "Version", "Format", "CasterId", "RegionId");

  private SetCasterConfigMapping() {}

  /** The request that makes caster {@code casterId} match {@code config}. */
  public static SetCasterConfigRequest toRequest(String casterId, String regionId, DesiredConfig config) {
    SetCasterConfigRequest request = new SetCasterConfigRequest();
    request.setCasterId(casterId);
    if (regionId != null) {
      request.setSysRegionId(regionId);
    }
    request.setCasterName(config.casterName());
    request.setDomainName(config.domainName());
    request.setTranscodeConfig(json(transcode(config.transcode())));
    request.setRecordConfig(json(recording(config.recording())));
    request.setDelay(config.delay() == null ? null : config.delay().floatValue());
    request.setUrgentMaterialId(config.urgentMaterialId());
    request.setUrgentLiveStreamUrl(config.urgentLiveStreamUrl());
    request.setSideOutputUrl(config.sideOutputUrl());
    request.setSideOutputUrlList(json(strings(config.sideOutputUrls())));
    request.setCallbackUrl(config.callbackUrl());
    request.setProgramEffect(flag(config.programEffect()));
    request.setProgramName(config.programName());
    request.setChannelEnable(flag(config.channelEnable()));
    request.setSyncGroupsConfig(json(syncGroups(config.syncGroups())));
    request.setUrgentImageId(config.urgentImageId());
    request.setUrgentImageUrl(config.urgentImageUrl());
    request.setAutoSwitchUrgentOn(config.autoSwitchUrgentOn());
    request.setAutoSwitchUrgentConfig(json(autoSwitch(config.autoSwitchEofThreshold())));
    return request;
  }

  /**
   * The API parameters that {@code config} sends, without the target (CasterId, RegionId), sorted:
   * what {@link ConfigHash} hashes, so the hash changes exactly when the request does.
   */
  public static Map<String, String> parameters(DesiredConfig config) {
    Map<String, String> parameters = new TreeMap<>(toRequest("-", null, config).getSysQueryParameters());
    parameters.keySet().removeAll(NOT_CONFIGURATION);
    return parameters;
  }

  /** The configuration a DescribeCasterConfig answer reports; fields it cannot report stay unset. */
  public static DesiredConfig fromResponse(DescribeCasterConfigResponse r) {
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
        observedSyncGroups(r.getSyncGroupsConfig()),
        text(r.getUrgentImageId()),
        text(r.getUrgentImageUrl()),
        r.getAutoSwitchUrgentOn() == null || r.getAutoSwitchUrgentOn().isEmpty()
            ? null : Boolean.valueOf(r.getAutoSwitchUrgentOn()),
        eofThreshold(r.getAutoSwitchUrgentConfig()));
  }

  // ---- configuration -> JSON parameters

  private static ObjectNode transcode(DesiredConfig.Transcode t) {
    if (t == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    putIfSet(node, "CasterTemplate", t.template());
    if (t.liveTemplateIds() != null) {
      node.set("LiveTemplateIds", strings(t.liveTemplateIds()));
    }
    DesiredConfig.Video v = t.video();
    if (v != null) {
      ObjectNode video = node.putObject("CustomParams").putObject("video");
      putIfSet(video, "fps", v.fps());
      putIfSet(video, "bitrate", v.bitrate());
      putIfSet(video, "width", v.width());
      putIfSet(video, "height", v.height());
    }
    return node;
  }

  private static ObjectNode recording(DesiredConfig.Recording r) {
    if (r == null) {
      return null;
    }
    ObjectNode node = JSON.createObjectNode();
    putIfSet(node, "endpoint", r.endpoint());
    putIfSet(node, "ossBucket", r.ossBucket());
    if (r.formats() != null) {
      ArrayNode formats = node.putArray("videoFormat");
      for (DesiredConfig.RecordingFormat f : r.formats()) {
        ObjectNode format = formats.addObject();
        putIfSet(format, "Format", f.format());
        putIfSet(format, "OssObjectPrefix", f.ossObjectPrefix());
        putIfSet(format, "SliceOssObjectPrefix", f.sliceOssObjectPrefix());
        putIfSet(format, "CycleDuration", f.cycleDurationSeconds());
      }
    }
    putIfSet(node, "interval", r.intervalMillis());
    return node;
  }

  private static ArrayNode syncGroups(List<DesiredConfig.SyncGroup> groups) {
    if (groups == null) {
      return null;
    }
    ArrayNode array = JSON.createArrayNode();
    for (DesiredConfig.SyncGroup g : groups) {
      ObjectNode group = array.addObject();
      putIfSet(group, "mode", g.mode());
      if (g.resourceIds() != null) {
        group.set("resourceIds", strings(g.resourceIds()));
      }
      putIfSet(group, "hostResourceId", g.hostResourceId());
    }
    return array;
  }

  private static ObjectNode autoSwitch(Integer eofThreshold) {
    return eofThreshold == null ? null : JSON.createObjectNode().put("eofThres", eofThreshold);
  }

  private static ArrayNode strings(List<String> values) {
    if (values == null) {
      return null;
    }
    ArrayNode array = JSON.createArrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void putIfSet(ObjectNode node, String key, Object value) {
    if (value instanceof String s) {
      node.put(key, s);
    } else if (value instanceof Integer i) {
      node.put(key, i);
    }
  }

  private static String json(JsonNode node) {
    if (node == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Integer flag(Boolean value) {
    return value == null ? null : value ? 1 : 0;
  }

  // ---- DescribeCasterConfig answer -> configuration

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

  private static List<DesiredConfig.SyncGroup> observedSyncGroups(
      List<DescribeCasterConfigResponse.SyncGroup> groups) {
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
