package io.casteroperator.emulator;

import java.util.List;

/**
 * A scene of a studio with its outputs: the preview (PVW, {@code outputType} 0) and programme (PGM,
 * 1) scenes are created by the first StartCaster and keep their ids across stop and start.
 *
 * @param status 1 while the scene runs
 * @param layoutId the layout it shows, null before a scene configuration sets one
 * @param streamUrl FLV playback URL of the scene, signed ({@code auth_key=}) at the last start
 * @param streamInfos the transcoded outputs; the programme scene's only
 */
public record Scene(
    String sceneId,
    String sceneName,
    int outputType,
    int status,
    String layoutId,
    List<String> componentIds,
    String streamUrl,
    String rtmpUrl,
    List<StreamInfo> streamInfos) {

  public static final int PREVIEW = 0;
  public static final int PROGRAM = 1;

  public Scene {
    componentIds = List.copyOf(componentIds);
    streamInfos = List.copyOf(streamInfos);
  }

  public boolean program() {
    return outputType == PROGRAM;
  }

  /** One output format of a scene. @param transcodeConfig lld, lsd, lhd or lud; @param videoFormat flv, m3u8 or rtmp */
  public record StreamInfo(String videoFormat, String transcodeConfig, String outputStreamUrl) {}
}
