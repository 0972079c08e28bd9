package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameters of SetCasterConfig: which exist, how each is validated, and how the JSON ones
 * are read. The API page asks for UpperCamelCase JSON keys but its own examples use lowerCamelCase,
 * so every JSON key is looked up in both spellings.
 */
final class CasterParameters {
  static final String CASTER_NAME = "CasterName";
  static final String CHANNEL_ENABLE = "ChannelEnable";
  static final String DOMAIN_NAME = "DomainName";
  static final String TRANSCODE_CONFIG = "TranscodeConfig";

  /** Everything SetCasterConfig replaces, in the order of the API page. */
  static final List<String> CONFIG =
      List.of(
          CASTER_NAME, DOMAIN_NAME, TRANSCODE_CONFIG, "RecordConfig", "Delay", "UrgentMaterialId",
          "UrgentLiveStreamUrl", "SideOutputUrl", "SideOutputUrlList", "CallbackUrl", "ProgramEffect",
          "ProgramName", CHANNEL_ENABLE, "SyncGroupsConfig", "UrgentImageId", "UrgentImageUrl",
          "AutoSwitchUrgentOn", "AutoSwitchUrgentConfig");

  /** Compared as JSON trees, so key order and white space are not a change. */
  static final Set<String> JSON_VALUED =
      Set.of("TranscodeConfig", "RecordConfig", "SyncGroupsConfig", "AutoSwitchUrgentConfig", "SideOutputUrlList");

  static final Set<String> CASTER_TEMPLATES =
      Set.of("lp_ld", "lp_sd", "lp_hd", "lp_ud", "lp_ld_v", "lp_sd_v", "lp_hd_v", "lp_ud_v");
  static final Set<String> RECORD_FORMATS = Set.of("m3u8", "flv", "mp4");
  static final int MAX_SIDE_OUTPUTS = 20;
  static final BigDecimal MAX_DELAY_SECONDS = BigDecimal.valueOf(300);

  private static final Pattern UUID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern LIVEPRODUCER_ID = Pattern.compile("LIVEPRODUCER_[A-Z]+-[a-z0-9-]+");
  /** Float.toString, which the SDK uses for Delay, writes small values as 1.0E-5. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private CasterParameters() {}

  static boolean isWellFormedCasterId(String id) {
    return id != null && (UUID.matcher(id).matches() || LIVEPRODUCER_ID.matcher(id).matches());
  }

  /**
   * The configuration a SetCasterConfig call asks for: the configuration parameters it passes with a
   * non-empty value (an empty value clears, like an absent one). Refuses a malformed value.
   */
  static Map<String, String> requested(Map<String, String> parameters) {
    Map<String, String> requested = new LinkedHashMap<>();
    for (String name : CONFIG) {
      String value = parameters.get(name);
      if (value != null && !value.isEmpty()) {
        validate(name, value);
        if (!clearsLikeEmpty(name, value)) {
          requested.put(name, value);
        }
      }
    }
    return requested;
  }

  /** guess: an empty JSON object or array configures nothing, so it clears like an empty value. */
  static boolean clearsLikeEmpty(String name, String value) {
    if (!JSON_VALUED.contains(name)) {
      return false;
    }
    JsonNode node = Json.parse(value).orElseThrow();
    return node.isContainerNode() && node.isEmpty();
  }

  /** Refuses an unknown name or a malformed value; an empty value is valid (it clears). */
  static void validate(String name, String value) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      if (!CONFIG.contains(name)) {
        throw ApiError.INVALID_PARAMETER_MALFORMED.exception("Unknown configuration parameter: " + name);
      }
      return;
    }
    switch (name) {
      case "Delay" -> validateDelay(value);
      case "ChannelEnable", "ProgramEffect" -> require(value.equals("0") || value.equals("1"), name, "must be 0 or 1");
      case "AutoSwitchUrgentOn" ->
          require(value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"), name, "must be true or false");
      case "SideOutputUrl" -> require(isRtmp(value), name, "must be an rtmp:// URL");
      case "SideOutputUrlList" -> validateSideOutputUrlList(value);
      case "TranscodeConfig" -> validateTranscodeConfig(value);
      case "RecordConfig" -> validateRecordConfig(value);
      case "SyncGroupsConfig" -> validateSyncGroups(value);
      case "AutoSwitchUrgentConfig" -> validateAutoSwitchUrgentConfig(value);
      default -> {
        if (!CONFIG.contains(name)) {
          throw ApiError.INVALID_PARAMETER_MALFORMED.exception("Unknown configuration parameter: " + name);
        }
      }
    }
  }

  /** Whether two configurations are the same to the service (JSON compared as trees, Delay as a number). */
  static boolean sameConfiguration(Map<String, String> a, Map<String, String> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<String, String> e : a.entrySet()) {
      if (!sameValue(e.getKey(), e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameValue(String name, String x, String y) {
    if (JSON_VALUED.contains(name)) {
      return Json.parse(x).equals(Json.parse(y));
    }
    if ("Delay".equals(name)) {
      return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
    }
    if ("AutoSwitchUrgentOn".equals(name)) {
      return x.equalsIgnoreCase(y);
    }
    return x.equals(y);
  }

  static BigDecimal delay(String value) {
    return new BigDecimal(value);
  }

  // ---- JSON member lookup, tolerant of the page's two spellings ----

  /** The member named {@code upperCamel} or its lowerCamel twin; null when neither is there. */
  static JsonNode member(JsonNode object, String upperCamel) {
    JsonNode found = object.get(upperCamel);
    if (found == null) {
      found = object.get(Character.toLowerCase(upperCamel.charAt(0)) + upperCamel.substring(1));
    }
    return found == null || found.isNull() ? null : found;
  }

  static String text(JsonNode object, String upperCamel) {
    JsonNode node = member(object, upperCamel);
    return node == null ? null : node.asText();
  }

  /** CustomParams may arrive as an object or as a JSON string holding one. */
  static JsonNode objectOrJsonString(JsonNode node) {
    if (node != null && node.isTextual()) {
      return Json.parse(node.asText()).filter(JsonNode::isObject).orElse(null);
    }
    return node;
  }

  // ---- validation of single parameters ----

  private static void validateDelay(String value) {
    require(DECIMAL.matcher(value).matches(), "Delay", "must be a number of seconds");
    BigDecimal delay = new BigDecimal(value);
    require(delay.signum() >= 0 && delay.compareTo(MAX_DELAY_SECONDS) <= 0, "Delay", "must be between 0 and 300");
  }

  private static void validateSideOutputUrlList(String value) {
    JsonNode list = json("SideOutputUrlList", value);
    require(list.isArray(), "SideOutputUrlList", "must be a JSON array of rtmp:// URLs");
    require(list.size() <= MAX_SIDE_OUTPUTS, "SideOutputUrlList", "must hold at most 20 URLs");
    for (JsonNode url : list) {
      require(url.isTextual() && isRtmp(url.asText()), "SideOutputUrlList", "must hold rtmp:// URLs only");
    }
  }

  private static void validateTranscodeConfig(String value) {
    JsonNode config = json(TRANSCODE_CONFIG, value);
    require(config.isObject(), TRANSCODE_CONFIG, "must be a JSON object");
    JsonNode template = member(config, "CasterTemplate");
    if (template != null) {
      require(template.isTextual() && CASTER_TEMPLATES.contains(template.asText()), TRANSCODE_CONFIG,
          "has an unknown CasterTemplate " + template);
    }
    JsonNode templateIds = member(config, "LiveTemplateIds");
    if (templateIds != null) {
      require(isArrayOfStrings(templateIds), TRANSCODE_CONFIG, "LiveTemplateIds must be an array of strings");
    }
    JsonNode customParams = member(config, "CustomParams");
    if (customParams != null) {
      JsonNode params = objectOrJsonString(customParams);
      require(params != null && params.isObject(), TRANSCODE_CONFIG, "CustomParams must be a JSON object");
      JsonNode video = member(params, "Video");
      if (video != null) {
        require(video.isObject(), TRANSCODE_CONFIG, "CustomParams.video must be a JSON object");
        for (String field : List.of("Fps", "Bitrate", "Width", "Height")) {
          JsonNode number = member(video, field);
          require(number == null || isNonNegativeInteger(number), TRANSCODE_CONFIG,
              "CustomParams.video." + field.toLowerCase() + " must be a non-negative integer");
        }
      }
    }
  }

  private static void validateRecordConfig(String value) {
    JsonNode config = json("RecordConfig", value);
    require(config.isObject(), "RecordConfig", "must be a JSON object");
    for (String field : List.of("Endpoint", "OssEndpoint", "OssBucket")) {
      JsonNode text = member(config, field);
      require(text == null || text.isTextual(), "RecordConfig", field + " must be a string");
    }
    for (String field : List.of("Interval", "OnDemand")) {
      JsonNode number = member(config, field);
      require(number == null || isNonNegativeInteger(number), "RecordConfig", field + " must be a non-negative integer");
    }
    JsonNode formats = member(config, "VideoFormat");
    if (formats != null) {
      require(formats.isArray(), "RecordConfig", "videoFormat must be an array");
      for (JsonNode format : formats) {
        require(format.isObject(), "RecordConfig", "each videoFormat must be an object");
        JsonNode name = member(format, "Format");
        require(name != null && name.isTextual() && RECORD_FORMATS.contains(name.asText()), "RecordConfig",
            "Format must be one of m3u8, flv, mp4");
        JsonNode cycle = member(format, "CycleDuration");
        require(cycle == null || isNonNegativeInteger(cycle), "RecordConfig", "CycleDuration must be a number of seconds");
        for (String field : List.of("OssObjectPrefix", "SliceOssObjectPrefix")) {
          JsonNode text = member(format, field);
          require(text == null || text.isTextual(), "RecordConfig", field + " must be a string");
        }
      }
    }
  }

  private static void validateSyncGroups(String value) {
    JsonNode groups = json("SyncGroupsConfig", value);
    require(groups.isArray(), "SyncGroupsConfig", "must be a JSON array");
    for (JsonNode group : groups) {
      require(group.isObject(), "SyncGroupsConfig", "each sync group must be an object");
      JsonNode mode = member(group, "Mode");
      require(mode != null && isNonNegativeInteger(mode) && (mode.asInt() == 0 || mode.asInt() == 1),
          "SyncGroupsConfig", "mode must be 0 or 1");
      JsonNode resourceIds = member(group, "ResourceIds");
      require(resourceIds == null || isArrayOfStrings(resourceIds), "SyncGroupsConfig", "resourceIds must be an array of strings");
      JsonNode host = member(group, "HostResourceId");
      require(host == null || host.isTextual(), "SyncGroupsConfig", "hostResourceId must be a string");
      if (mode.asInt() == 0) {
        require(host != null && !host.asText().isEmpty(), "SyncGroupsConfig", "mode 0 needs a hostResourceId");
      }
    }
  }

  private static void validateAutoSwitchUrgentConfig(String value) {
    JsonNode config = json("AutoSwitchUrgentConfig", value);
    require(config.isObject(), "AutoSwitchUrgentConfig", "must be a JSON object");
    JsonNode eofThres = member(config, "EofThres");
    require(eofThres == null || eofThres.isNumber(), "AutoSwitchUrgentConfig", "eofThres must be a number of seconds");
  }

  private static JsonNode json(String name, String value) {
    return Json.parse(value)
        .orElseThrow(() -> ApiError.INVALID_PARAMETER_MALFORMED.exception("The parameter " + name + " is not valid JSON."));
  }

  /** Integral JSON numbers, or strings of digits, which clients that stringify everything send. */
  private static boolean isNonNegativeInteger(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.asLong() >= 0;
    }
    return node.isTextual() && node.asText().matches("\\d{1,18}");
  }

  private static boolean isArrayOfStrings(JsonNode node) {
    if (!node.isArray()) {
      return false;
    }
    for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
      if (!it.next().isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRtmp(String url) {
    return url.length() > "rtmp://".length() && url.regionMatches(true, 0, "rtmp://", 0, "rtmp://".length());
  }

  private static void require(boolean condition, String name, String why) {
    if (!condition) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("The parameter " + name + " is malformed: " + why + ".");
    }
  }
}
