package io.casteroperator.emulator;

import java.util.List;

/**
 * A layout as the cloud holds it: which inputs (location ids, or channel ids in channel mode) make
 * the picture and the sound, one video layer per BlendList item and one audio layer per MixList item.
 * Layouts have no name: the cloud-assigned id is their only handle.
 */
public record Layout(
    String layoutId, List<String> blendList, List<String> mixList, List<VideoLayer> videoLayers, List<AudioLayer> audioLayers) {

  public Layout {
    blendList = List.copyOf(blendList);
    mixList = List.copyOf(mixList);
    videoLayers = List.copyOf(videoLayers);
    audioLayers = List.copyOf(audioLayers);
  }

  /** Defaults filled in: FillMode none, sizes 0, position [0, 0] from topLeft, no delay. */
  public record VideoLayer(
      String fillMode,
      double heightNormalized,
      double widthNormalized,
      List<Double> positionNormalized,
      String positionRefer,
      int fixedDelayDuration) {

    public VideoLayer {
      positionNormalized = List.copyOf(positionNormalized);
    }
  }

  /** Defaults filled in: VolumeRate 1.0, ValidChannel all, no delay. */
  public record AudioLayer(double volumeRate, String validChannel, int fixedDelayDuration) {}
}
