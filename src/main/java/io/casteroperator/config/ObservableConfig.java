package io.casteroperator.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of a configuration that DescribeCasterConfig reports, flattened to spec paths and
 * normalized so that values the service treats alike compare equal: an unset flag and {@code false},
 * an unset delay and {@code 0}, a float read back as {@code 1.5000000} and {@code 1.5}. Write-only
 * fields (RecordConfig's interval) are left out, so they never show as drift.
 */
public record ObservableConfig(Map<String, Object> fields) {

  /**
   * Fields the service fills in itself when the request leaves them out (a caster always has a
   * name; an unset side output gets a generated URL): only a value the spec asks for is compared.
   */
  static final Set<String> FILLED_IN_BY_SERVICE = Set.of("casterName", "sideOutputUrl");

  public ObservableConfig {
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
  }

  static ObservableConfig of(DesiredConfig c) {
    Map<String, Object> f = new TreeMap<>();
    put(f, "casterName", c.casterName());
    put(f, "domainName", c.domainName());
    DesiredConfig.Transcode t = c.transcode();
    if (t != null) {
      put(f, "transcodeConfig.casterTemplate", t.template());
      put(f, "transcodeConfig.liveTemplateIds", t.liveTemplateIds());
      DesiredConfig.Video v = t.video();
      if (v != null) {
        put(f, "transcodeConfig.customParams.video.fps", v.fps());
        put(f, "transcodeConfig.customParams.video.bitrate", v.bitrate());
        put(f, "transcodeConfig.customParams.video.width", v.width());
        put(f, "transcodeConfig.customParams.video.height", v.height());
      }
    }
    DesiredConfig.Recording r = c.recording();
    if (r != null) {
      put(f, "recordConfig.endpoint", r.endpoint());
      put(f, "recordConfig.ossBucket", r.ossBucket());
      put(f, "recordConfig.videoFormat", recordingFormats(r.formats()));
    }
    put(f, "delay", seconds(c.delay()));
    put(f, "urgentMaterialId", c.urgentMaterialId());
    put(f, "urgentLiveStreamUrl", c.urgentLiveStreamUrl());
    put(f, "sideOutputUrl", c.sideOutputUrl());
    put(f, "sideOutputUrlList", c.sideOutputUrls());
    put(f, "callbackUrl", c.callbackUrl());
    put(f, "programEffect", trueOrUnset(c.programEffect()));
    put(f, "programName", c.programName());
    put(f, "channelEnable", trueOrUnset(c.channelEnable()));
    put(f, "syncGroupsConfig", syncGroups(c.syncGroups()));
    put(f, "urgentImageId", c.urgentImageId());
    put(f, "urgentImageUrl", c.urgentImageUrl());
    put(f, "autoSwitchUrgentOn", trueOrUnset(c.autoSwitchUrgentOn()));
    put(f, "autoSwitchUrgentConfig.eofThres", c.autoSwitchEofThreshold());
    return new ObservableConfig(f);
  }

  /**
   * The fields {@code config} sets that DescribeCasterConfig never reports, so a read cannot show
   * whether they hold: RecordConfig's interval, and a host of a sync group in conference mode.
   */
  public static List<String> notReadBack(DesiredConfig config) {
    List<String> fields = new ArrayList<>();
    if (config.recording() != null && config.recording().intervalMillis() != null) {
      fields.add("recordConfig.interval");
    }
    List<DesiredConfig.SyncGroup> groups = config.syncGroups() == null ? List.of() : config.syncGroups();
    for (int i = 0; i < groups.size(); i++) {
      if (Integer.valueOf(1).equals(groups.get(i).mode()) && groups.get(i).hostResourceId() != null) {
        fields.add("syncGroupsConfig[" + i + "].hostResourceId");
      }
    }
    return fields;
  }

  /** Whether the cloud (this) shows what {@code desired} asks for. */
  public boolean satisfies(ObservableConfig desired) {
    return differencesFrom(desired).isEmpty();
  }

  /** Fields where the cloud (this) differs from {@code desired}, in spec-path order. */
  public List<FieldDifference> differencesFrom(ObservableConfig desired) {
    Set<String> paths = new TreeSet<>(fields.keySet());
    paths.addAll(desired.fields.keySet());
    List<FieldDifference> differences = new ArrayList<>();
    for (String path : paths) {
      Object wanted = desired.fields.get(path);
      Object seen = fields.get(path);
      if (wanted == null && FILLED_IN_BY_SERVICE.contains(path)) {
        continue;
      }
      if (!Objects.equals(wanted, seen)) {
        differences.add(new FieldDifference(path, wanted, seen));
      }
    }
    return differences;
  }

  private static void put(Map<String, Object> fields, String path, Object value) {
    if (value != null) {
      fields.put(path, value);
    }
  }

  /** Seconds to the millisecond: the service stores Delay as a float. Zero means off, as unset does. */
  private static BigDecimal seconds(Double value) {
    if (value == null) {
      return null;
    }
    BigDecimal seconds = BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    return seconds.signum() == 0 ? null : seconds;
  }

  private static Boolean trueOrUnset(Boolean value) {
    return Boolean.TRUE.equals(value) ? Boolean.TRUE : null;
  }

  private static List<Map<String, Object>> recordingFormats(List<DesiredConfig.RecordingFormat> formats) {
    if (formats == null) {
      return null;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (DesiredConfig.RecordingFormat format : formats) {
      Map<String, Object> entry = new LinkedHashMap<>();
      put(entry, "format", format.format() == null ? null : format.format().toLowerCase(Locale.ROOT));
      put(entry, "ossObjectPrefix", format.ossObjectPrefix());
      put(entry, "sliceOssObjectPrefix", format.sliceOssObjectPrefix());
      put(entry, "cycleDuration", format.cycleDurationSeconds());
      list.add(entry);
    }
    return list;
  }

  private static List<Map<String, Object>> syncGroups(List<DesiredConfig.SyncGroup> groups) {
    if (groups == null) {
      return null;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (DesiredConfig.SyncGroup group : groups) {
      Map<String, Object> entry = new LinkedHashMap<>();
      put(entry, "mode", group.mode());
      put(entry, "resourceIds", group.resourceIds());
      // The host is not used in conference mode (1); the service need not keep it.
      if (!Integer.valueOf(1).equals(group.mode())) {
        put(entry, "hostResourceId", group.hostResourceId());
      }
      list.add(entry);
    }
    return list;
  }
}
