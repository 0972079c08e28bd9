package io.casteroperator.config.studio;

import io.casteroperator.config.FieldDifference;
import java.util.ArrayList;
import java.util.List;

/**
 * A layout as the cloud holds it (AddCasterLayout, DescribeCasterLayouts): sources by location (or
 * channel) id, every layer with every field, defaults filled in. The operator always sends a layout
 * whole, since a layer with no field set would not exist on the wire.
 */
public record LayoutValue(List<String> blendList, List<String> mixList, List<VideoLayerValue> videoLayers,
    List<AudioLayerValue> audioLayers) {

  public LayoutValue {
    blendList = List.copyOf(blendList);
    mixList = List.copyOf(mixList);
    videoLayers = List.copyOf(videoLayers);
    audioLayers = List.copyOf(audioLayers);
  }

  /** One video layer; position is [x, y]. */
  public record VideoLayerValue(String fillMode, double heightNormalized, double widthNormalized, List<Double> positionNormalized,
      String positionRefer, long fixedDelayDuration) {

    public VideoLayerValue {
      positionNormalized = List.copyOf(positionNormalized);
    }
  }

  /** One audio layer. */
  public record AudioLayerValue(double volumeRate, String validChannel, long fixedDelayDuration) {}

  /** Where the cloud's layout differs from this one, field by field (paths under {@code prefix}). */
  public List<FieldDifference> differencesFrom(LayoutValue observed, String prefix) {
    List<FieldDifference> out = new ArrayList<>();
    InputValue.diff(out, prefix + ".blendList", blendList, observed.blendList);
    InputValue.diff(out, prefix + ".mixList", mixList, observed.mixList);
    layers(out, prefix + ".videoLayers", videoLayers, observed.videoLayers);
    layers(out, prefix + ".audioLayers", audioLayers, observed.audioLayers);
    return out;
  }

  private static void layers(List<FieldDifference> out, String path, List<?> desired, List<?> observed) {
    if (desired.size() != observed.size()) {
      out.add(new FieldDifference(path, desired, observed));
      return;
    }
    for (int i = 0; i < desired.size(); i++) {
      if (desired.get(i) instanceof VideoLayerValue d && observed.get(i) instanceof VideoLayerValue o) {
        String at = path + "[" + i + "]";
        InputValue.diff(out, at + ".fillMode", d.fillMode, o.fillMode);
        InputValue.diff(out, at + ".heightNormalized", d.heightNormalized, o.heightNormalized);
        InputValue.diff(out, at + ".widthNormalized", d.widthNormalized, o.widthNormalized);
        InputValue.diff(out, at + ".positionNormalized", d.positionNormalized, o.positionNormalized);
        InputValue.diff(out, at + ".positionRefer", d.positionRefer, o.positionRefer);
        InputValue.diff(out, at + ".fixedDelayDuration", d.fixedDelayDuration, o.fixedDelayDuration);
      } else if (desired.get(i) instanceof AudioLayerValue d && observed.get(i) instanceof AudioLayerValue o) {
        String at = path + "[" + i + "]";
        InputValue.diff(out, at + ".volumeRate", d.volumeRate, o.volumeRate);
        InputValue.diff(out, at + ".validChannel", d.validChannel, o.validChannel);
        InputValue.diff(out, at + ".fixedDelayDuration", d.fixedDelayDuration, o.fixedDelayDuration);
      }
    }
  }
}
