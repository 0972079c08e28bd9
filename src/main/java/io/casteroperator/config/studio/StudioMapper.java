package io.casteroperator.config.studio;

import io.casteroperator.api.AudioLayer;
import io.casteroperator.api.CaptionContent;
import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.ChannelBinding;
import io.casteroperator.api.Component;
import io.casteroperator.api.ComponentLayer;
import io.casteroperator.api.Layout;
import io.casteroperator.api.SceneContent;
import io.casteroperator.api.TextContent;
import io.casteroperator.api.VideoLayer;
import io.casteroperator.api.VideoResource;
import io.casteroperator.config.studio.DesiredStudio.ChannelWish;
import io.casteroperator.config.studio.DesiredStudio.LayoutWish;
import io.casteroperator.config.studio.DesiredStudio.SceneWish;
import io.casteroperator.config.studio.InputValue.Source;
import io.casteroperator.config.studio.InputValue.SourceKind;
import io.casteroperator.config.studio.LayoutValue.AudioLayerValue;
import io.casteroperator.config.studio.LayoutValue.VideoLayerValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The spec's studio lists as values: defaults filled in as the service applies them, so that what
 * is sent, hashed and compared with a read is the same thing. The only place that knows both the
 * CRD's studio types and the values.
 */
public final class StudioMapper {

  private StudioMapper() {}

  /** The studio the spec describes; empty when it sets none of the studio's lists (the studio is then left alone). */
  public static Optional<DesiredStudio> toDesired(CasterSpec spec) {
    if (spec.getVideoResources() == null && spec.getChannels() == null && spec.getLayouts() == null
        && spec.getComponents() == null && spec.getScenes() == null) {
      return Optional.empty();
    }
    return Optional.of(new DesiredStudio(
        orEmpty(spec.getVideoResources()).stream().map(StudioMapper::input).toList(),
        orEmpty(spec.getChannels()).stream().map(c -> new ChannelWish(c.getChannelId(), c.getVideoResource())).toList(),
        orEmpty(spec.getLayouts()).stream().map(StudioMapper::layout).toList(),
        orEmpty(spec.getComponents()).stream().map(StudioMapper::component).toList(),
        spec.getScenes() == null ? null : scene(spec.getScenes().getProgram()),
        spec.getScenes() == null ? null : scene(spec.getScenes().getPreview()),
        Boolean.TRUE.equals(spec.getChannelEnable()),
        Boolean.TRUE.equals(spec.getPruneUnmanagedStudioItems())));
  }

  static InputValue input(VideoResource r) {
    Source source = r.getLiveStreamUrl() != null ? new Source(SourceKind.LiveStreamUrl, r.getLiveStreamUrl())
        : r.getMaterialId() != null ? new Source(SourceKind.MaterialId, r.getMaterialId())
        : r.getVodUrl() != null ? new Source(SourceKind.VodUrl, r.getVodUrl())
        : r.getImageId() != null ? new Source(SourceKind.ImageId, r.getImageId())
        : r.getImageUrl() != null ? new Source(SourceKind.ImageUrl, r.getImageUrl()) : null;
    return new InputValue(r.getName(), r.getLocationId(), source, zero(r.getBeginOffset()), zero(r.getEndOffset()),
        zero(r.getRepeatNum()), zero(r.getPtsCallbackInterval()), zero(r.getFixedDelayDuration()));
  }

  static LayoutWish layout(Layout l) {
    List<VideoLayerValue> video = orEmpty(l.getVideoLayers()).stream().map(StudioMapper::videoLayer).toList();
    List<String> mix = orEmpty(l.getMixList());
    List<AudioLayerValue> audio = l.getAudioLayers() == null
        ? mix.stream().map(m -> new AudioLayerValue(1.0, "all", 0)).toList()
        : l.getAudioLayers().stream().map(StudioMapper::audioLayer).toList();
    return new LayoutWish(l.getName(), orEmpty(l.getBlendList()), mix, video, audio);
  }

  private static VideoLayerValue videoLayer(VideoLayer v) {
    return new VideoLayerValue(v.getFillMode() == null ? "none" : v.getFillMode().apiValue(), single(zero(v.getHeightNormalized())),
        single(zero(v.getWidthNormalized())), position(v.getPositionNormalized()),
        v.getPositionRefer() == null ? "topLeft" : v.getPositionRefer().apiValue(), zero(v.getFixedDelayDuration()));
  }

  private static AudioLayerValue audioLayer(AudioLayer a) {
    return new AudioLayerValue(a.getVolumeRate() == null ? 1.0 : single(a.getVolumeRate()),
        a.getValidChannel() == null ? "all" : a.getValidChannel().apiValue(), zero(a.getFixedDelayDuration()));
  }

  static ComponentValue component(Component c) {
    Map<String, Object> layer = new LinkedHashMap<>();
    ComponentLayer l = c.getLayer() == null ? new ComponentLayer() : c.getLayer();
    put(layer, "HeightNormalized", l.getHeightNormalized());
    put(layer, "WidthNormalized", l.getWidthNormalized());
    layer.put("PositionNormalized", position(l.getPositionNormalized()));
    layer.put("PositionRefer", l.getPositionRefer() == null ? "topLeft" : l.getPositionRefer().apiValue());
    Map<String, Object> content = new LinkedHashMap<>();
    if (c.getText() != null) {
      put(content, "Text", c.getText().getText());
      style(content, c.getText());
    } else if (c.getImage() != null) {
      put(content, "MaterialId", c.getImage().getMaterialId());
    } else if (c.getCaption() != null) {
      CaptionContent caption = c.getCaption();
      put(content, "LocationId", c.getLocationId());
      put(content, "SourceLan", caption.getSourceLan() == null ? null : caption.getSourceLan().apiValue());
      put(content, "TargetLan", caption.getTargetLan() == null ? null : caption.getTargetLan().apiValue());
      put(content, "ShowSourceLan", caption.getShowSourceLan());
      put(content, "Truncation", caption.getTruncation());
      put(content, "SourceLanPerLineWordCount", caption.getSourceLanPerLineWordCount());
      put(content, "TargetLanPerLineWordCount", caption.getTargetLanPerLineWordCount());
      put(content, "SourceLanReservePages", caption.getSourceLanReservePages());
      put(content, "TargetLanReservePages", caption.getTargetLanReservePages());
      put(content, "PtsOffset", caption.getPtsOffset());
      put(content, "WordsCount", caption.getWordsCount());
      style(content, caption);
    }
    return new ComponentValue(c.getName(), c.getLocationId(), c.getType() == null ? null : c.getType().apiValue(),
        c.getEffect() == null ? "none" : c.getEffect().apiValue(), c.getLayerOrder() == null ? null : c.getLayerOrder().apiValue(),
        layer, content);
  }

  private static void style(Map<String, Object> content, TextContent text) {
    style(content, text.getColor(), text.getFontName(), text.getSizeNormalized(), text.getBorderWidthNormalized(),
        text.getBorderColor());
  }

  private static void style(Map<String, Object> content, CaptionContent caption) {
    style(content, caption.getColor(), caption.getFontName(), caption.getSizeNormalized(), caption.getBorderWidthNormalized(),
        caption.getBorderColor());
  }

  private static void style(Map<String, Object> content, String color, String font, Double size, Double border, String borderColor) {
    put(content, "Color", color);
    put(content, "FontName", font);
    put(content, "SizeNormalized", size);
    put(content, "BorderWidthNormalized", border);
    put(content, "BorderColor", borderColor);
  }

  private static SceneWish scene(SceneContent scene) {
    return scene == null ? null : new SceneWish(scene.getLayout(), scene.getComponents());
  }

  private static List<Double> position(List<Double> position) {
    return position == null || position.size() != 2 ? List.of(0.0, 0.0)
        : position.stream().map(p -> p == null ? 0.0 : single(p)).toList();
  }

  private static void put(Map<String, Object> map, String key, Object value) {
    if (value != null) {
      map.put(key, value instanceof Double d ? single(d) : value);
    }
  }

  /**
   * The value as the service keeps it: a 32-bit float (the SDK's layer fields and every
   * normalized value it reads are floats), in its shortest decimal form. What is sent, hashed and
   * compared is then what a read gives back, so a value with more digits than a float holds is not
   * rewritten at every drift check.
   */
  static double single(double value) {
    return Double.parseDouble(Float.toString((float) value));
  }

  private static long zero(Long value) {
    return value == null ? 0 : value;
  }

  private static double zero(Double value) {
    return value == null ? 0 : value;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
