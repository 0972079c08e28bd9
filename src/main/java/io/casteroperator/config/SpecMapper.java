package io.casteroperator.config;

import io.casteroperator.api.AutoSwitchUrgentConfig;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.CasterTemplate;
import io.casteroperator.api.CustomParams;
import io.casteroperator.api.RecordConfig;
import io.casteroperator.api.TranscodeConfig;
import io.casteroperator.api.VideoFormat;
import io.casteroperator.api.VideoParams;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns a (validated) spec into the configuration to send. The API treats an empty value as "clear",
 * so empty strings, empty lists and empty objects all become "not set" here, and two specs that
 * mean the same thing map to equal values (and equal hashes).
 */
public final class SpecMapper {

  private SpecMapper() {}

  public static DesiredConfig toDesired(CasterSpec spec) {
    if (spec == null) {
      return DesiredConfig.EMPTY;
    }
    return new DesiredConfig(
        text(spec.getCasterName()),
        text(spec.getDomainName()),
        transcode(spec.getTranscodeConfig()),
        recording(spec.getRecordConfig()),
        spec.getDelay(),
        text(spec.getUrgentMaterialId()),
        text(spec.getUrgentLiveStreamUrl()),
        text(spec.getSideOutputUrl()),
        list(spec.getSideOutputUrlList(), SpecMapper::text),
        text(spec.getCallbackUrl()),
        spec.getProgramEffect(),
        text(spec.getProgramName()),
        spec.getChannelEnable(),
        list(spec.getSyncGroupsConfig(), g -> new DesiredConfig.SyncGroup(
            integer(g.getMode()), list(g.getResourceIds(), SpecMapper::text), text(g.getHostResourceId()))),
        text(spec.getUrgentImageId()),
        text(spec.getUrgentImageUrl()),
        spec.getAutoSwitchUrgentOn(),
        eofThreshold(spec.getAutoSwitchUrgentConfig()));
  }

  private static DesiredConfig.Transcode transcode(TranscodeConfig t) {
    if (t == null) {
      return null;
    }
    CasterTemplate template = t.getCasterTemplate();
    DesiredConfig.Video video = video(t.getCustomParams());
    List<String> ids = list(t.getLiveTemplateIds(), SpecMapper::text);
    if (template == null && video == null && ids == null) {
      return null;
    }
    return new DesiredConfig.Transcode(template == null ? null : template.apiValue(), ids, video);
  }

  private static DesiredConfig.Video video(CustomParams params) {
    VideoParams v = params == null ? null : params.getVideo();
    if (v == null || Stream.of(v.getFps(), v.getBitrate(), v.getWidth(), v.getHeight()).allMatch(Objects::isNull)) {
      return null;
    }
    return new DesiredConfig.Video(integer(v.getFps()), integer(v.getBitrate()), integer(v.getWidth()), integer(v.getHeight()));
  }

  private static DesiredConfig.Recording recording(RecordConfig r) {
    if (r == null) {
      return null;
    }
    List<DesiredConfig.RecordingFormat> formats = list(r.getVideoFormat(), SpecMapper::format);
    String endpoint = text(r.getEndpoint());
    String bucket = text(r.getOssBucket());
    if (endpoint == null && bucket == null && r.getInterval() == null && formats == null) {
      return null;
    }
    return new DesiredConfig.Recording(endpoint, bucket, integer(r.getInterval()), formats);
  }

  private static DesiredConfig.RecordingFormat format(VideoFormat f) {
    return new DesiredConfig.RecordingFormat(
        f.getFormat() == null ? null : f.getFormat().apiValue(),
        text(f.getOssObjectPrefix()),
        text(f.getSliceOssObjectPrefix()),
        integer(f.getCycleDuration()));
  }

  private static Integer eofThreshold(AutoSwitchUrgentConfig config) {
    return config == null ? null : integer(config.getEofThres());
  }

  /** The spec's integers are int64 as in Kubernetes; validation has bounded them to the API's int32. */
  private static Integer integer(Long value) {
    return value == null ? null : Math.toIntExact(value);
  }

  private static String text(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static <A, B> List<B> list(List<A> values, Function<A, B> mapper) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.stream().map(mapper).toList();
  }
}
