package io.casteroperator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The one place where a configuration becomes the parameters of a SetCasterConfig request, written
 * exactly as they go on the wire (without the target, CasterId and RegionId). The cloud seam sends
 * these and nothing else, and {@link ConfigHash} hashes them: so the hash changes exactly when the
 * request does, and an SDK upgrade cannot change it.
 *
 * <p>SetCasterConfig replaces the whole configuration, so every request carries the complete
 * desired state. The JSON parameters use the key names the API documents: UpperCamelCase inside
 * TranscodeConfig, the documented mixed shapes for RecordConfig, lowerCamelCase for
 * SyncGroupsConfig and AutoSwitchUrgentConfig, and a JSON array for SideOutputUrlList. Text goes in
 * literally; Jackson escapes quotes and control characters inside the JSON parameters. Numbers are
 * written as the API's types print them: Delay is a 32-bit float ({@code 2.5}, {@code 3.0}), flags
 * are {@code 0}/{@code 1}, AutoSwitchUrgentOn is {@code true}/{@code false}.
 */
public final class SetCasterConfigParameters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SetCasterConfigParameters() {}

  /** The request parameters that make a caster match {@code config}, sorted by name; unset ones are absent. */
  public static SortedMap<String, String> of(DesiredConfig config) {
    SortedMap<String, String> p = new TreeMap<>();
    put(p, "CasterName", config.casterName());
    put(p, "DomainName", config.domainName());
    put(p, "TranscodeConfig", json(transcode(config.transcode())));
    put(p, "RecordConfig", json(recording(config.recording())));
    put(p, "Delay", config.delay() == null ? null : Float.toString(config.delay().floatValue()));
    put(p, "UrgentMaterialId", config.urgentMaterialId());
    put(p, "UrgentLiveStreamUrl", config.urgentLiveStreamUrl());
    put(p, "SideOutputUrl", config.sideOutputUrl());
    put(p, "SideOutputUrlList", json(strings(config.sideOutputUrls())));
    put(p, "CallbackUrl", config.callbackUrl());
    put(p, "ProgramEffect", flag(config.programEffect()));
    put(p, "ProgramName", config.programName());
    put(p, "ChannelEnable", flag(config.channelEnable()));
    put(p, "SyncGroupsConfig", json(syncGroups(config.syncGroups())));
    put(p, "UrgentImageId", config.urgentImageId());
    put(p, "UrgentImageUrl", config.urgentImageUrl());
    put(p, "AutoSwitchUrgentOn", config.autoSwitchUrgentOn() == null ? null : config.autoSwitchUrgentOn().toString());
    put(p, "AutoSwitchUrgentConfig", json(autoSwitch(config.autoSwitchEofThreshold())));
    return Collections.unmodifiableSortedMap(p);
  }

  private static void put(SortedMap<String, String> parameters, String name, String value) {
    if (value != null) {
      parameters.put(name, value);
    }
  }

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

  private static String flag(Boolean value) {
    return value == null ? null : value ? "1" : "0";
  }
}
