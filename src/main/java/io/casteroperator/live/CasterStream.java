package io.casteroperator.live;

import java.util.List;

/**
 * What one scene of a caster outputs, as StartCaster or DescribeCasterStreamUrl report it. URLs
 * are as the service gave them, signed (auth_key) and unmasked: only the outputs Secret gets them
 * so; everything else shows them masked.
 *
 * @param sceneId the scene
 * @param program whether it is the programme (on air) rather than the preview
 * @param playbackUrl the scene's playback URL (StreamUrl)
 * @param rtmpUrl its RTMP URL (DescribeCasterStreamUrl only; {@code null} from StartCaster)
 * @param streams its transcoded outputs
 */
public record CasterStream(String sceneId, boolean program, String playbackUrl, String rtmpUrl, List<Output> streams) {

  public CasterStream {
    streams = streams == null ? List.of() : List.copyOf(streams);
  }

  /** One transcoded output: its URL, transcoding (lhd, lsd...) and format (flv, m3u8, rtmp...). */
  public record Output(String url, String transcode, String format) {}
}
