package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DescribeCasterConfig's answer, shaped as the v1 SDK's unmarshaller reads it: JSON parameters come
 * back as objects with wrapped arrays, except SideOutputUrlList and AutoSwitchUrgentConfig, which the
 * service returns as the strings it was given. RecordConfig's interval is write-only on the service.
 */
final class CasterConfigView {
  private static final List<String> PLAIN_STRINGS =
      List.of(
          "DomainName", "ProgramName", "CallbackUrl", "SideOutputUrl", "SideOutputUrlList", "UrgentImageId",
          "UrgentImageUrl", "UrgentLiveStreamUrl", "UrgentMaterialId", "AutoSwitchUrgentConfig");

  private CasterConfigView() {}

  static ObjectNode describe(StoredCaster caster) {
    Map<String, String> config = caster.config;
    ObjectNode out = Json.object();
    out.put("CasterId", caster.id);
    out.put("CasterName", caster.name);
    for (String name : PLAIN_STRINGS) {
      if (config.containsKey(name)) {
        out.put(name, config.get(name));
      }
    }
    // The service keeps these as numeric columns with a default, so they always read back (guess);
    // the operator treats 0 and absent alike.
    out.put("ChannelEnable", caster.channelEnable);
    out.put("ProgramEffect", Integer.parseInt(config.getOrDefault("ProgramEffect", "0")));
    out.put("Delay", CasterParameters.delay(config.getOrDefault("Delay", "0")));
    if (config.containsKey("AutoSwitchUrgentOn")) {
      out.put("AutoSwitchUrgentOn", config.get("AutoSwitchUrgentOn").toLowerCase());
    }
    jsonParameter(config, "TranscodeConfig").ifPresent(n -> out.set("TranscodeConfig", transcodeConfig(n)));
    jsonParameter(config, "RecordConfig").ifPresent(n -> out.set("RecordConfig", recordConfig(n)));
    jsonParameter(config, "SyncGroupsConfig").ifPresent(n -> out.set("SyncGroupsConfig", syncGroups(n)));
    return out;
  }

  private static Optional<JsonNode> jsonParameter(Map<String, String> config, String name) {
    String raw = config.get(name);
    return raw == null ? Optional.empty() : Json.parse(raw);
  }

  private static ObjectNode transcodeConfig(JsonNode in) {
    ObjectNode out = Json.object();
    putText(out, "CasterTemplate", CasterParameters.text(in, "CasterTemplate"));
    JsonNode ids = CasterParameters.member(in, "LiveTemplateIds");
    if (ids != null) {
      out.putObject("LiveTemplateIds").set("LocationId", ids.deepCopy());
    }
    JsonNode params = CasterParameters.objectOrJsonString(CasterParameters.member(in, "CustomParams"));
    if (params != null) {
      ObjectNode customParams = out.putObject("CustomParams");
      JsonNode video = CasterParameters.member(params, "Video");
      if (video != null) {
        ObjectNode videoOut = customParams.putObject("video");
        for (String field : List.of("Fps", "Bitrate", "Width", "Height")) {
          JsonNode value = CasterParameters.member(video, field);
          if (value != null) {
            videoOut.put(field.toLowerCase(), value.asLong());
          }
        }
      }
    }
    return out;
  }

  private static ObjectNode recordConfig(JsonNode in) {
    ObjectNode out = Json.object();
    putText(out, "OssBucket", CasterParameters.text(in, "OssBucket"));
    String endpoint = CasterParameters.text(in, "Endpoint");
    putText(out, "OssEndpoint", endpoint != null ? endpoint : CasterParameters.text(in, "OssEndpoint"));
    JsonNode onDemand = CasterParameters.member(in, "OnDemand");
    if (onDemand != null) {
      out.put("OnDemand", onDemand.asInt());
    }
    JsonNode formats = CasterParameters.member(in, "VideoFormat");
    if (formats != null) {
      ArrayNode list = out.putObject("RecordFormat").putArray("RecordFormat");
      for (JsonNode format : formats) {
        ObjectNode item = list.addObject();
        putText(item, "Format", CasterParameters.text(format, "Format"));
        JsonNode cycle = CasterParameters.member(format, "CycleDuration");
        if (cycle != null) {
          item.put("CycleDuration", cycle.asLong());
        }
        putText(item, "OssObjectPrefix", CasterParameters.text(format, "OssObjectPrefix"));
        putText(item, "SliceOssObjectPrefix", CasterParameters.text(format, "SliceOssObjectPrefix"));
      }
    }
    return out;
  }

  private static ObjectNode syncGroups(JsonNode in) {
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("SyncGroup");
    for (JsonNode group : in) {
      ObjectNode item = list.addObject();
      item.put("Mode", CasterParameters.member(group, "Mode").asInt());
      putText(item, "HostResourceId", CasterParameters.text(group, "HostResourceId"));
      JsonNode ids = CasterParameters.member(group, "ResourceIds");
      if (ids != null) {
        item.putObject("ResourceIds").set("ResourceId", ids.deepCopy());
      }
    }
    return out;
  }

  private static void putText(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }
}
