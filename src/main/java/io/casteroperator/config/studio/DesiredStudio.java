package io.casteroperator.config.studio;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The studio a spec asks for, items by name. Inputs and overlays are in the cloud's form already;
 * channels, layouts and scenes name other items, so their cloud form is made once those have ids
 * ({@link ChannelWish#resolve}, {@link LayoutWish#resolve}, {@link SceneWish#resolve}).
 *
 * @param prune whether items in the cloud that the spec does not describe are deleted
 *     (spec.pruneUnmanagedStudioItems; the reconciler adds "the caster was created")
 */
public record DesiredStudio(List<InputValue> inputs, List<ChannelWish> channels, List<LayoutWish> layouts,
    List<ComponentValue> components, SceneWish program, SceneWish preview, boolean channelMode, boolean prune) {

  public DesiredStudio {
    inputs = List.copyOf(inputs);
    channels = List.copyOf(channels);
    layouts = List.copyOf(layouts);
    components = List.copyOf(components);
  }

  /** A channel and the name of the input it plays. */
  public record ChannelWish(String channelId, String input) {

    /** Its cloud form, once the input has an id; empty before. */
    public Optional<ChannelValue> resolve(Function<String, String> inputId) {
      return Optional.ofNullable(inputId.apply(input)).map(id -> new ChannelValue(channelId, id));
    }
  }

  /**
   * A layout with its sources by name (or channel id). Its cloud form has them by location: the
   * input's locationId, or the channel id as it is.
   */
  public record LayoutWish(String name, List<String> blendSources, List<String> mixSources,
      List<LayoutValue.VideoLayerValue> videoLayers, List<LayoutValue.AudioLayerValue> audioLayers) {

    public LayoutWish {
      blendSources = List.copyOf(blendSources);
      mixSources = List.copyOf(mixSources);
      videoLayers = List.copyOf(videoLayers);
      audioLayers = List.copyOf(audioLayers);
    }

    /** Its cloud form, given where each input sits (channel ids need no lookup). */
    public LayoutValue resolve(Map<String, String> locationOfInput) {
      Function<String, String> at = n -> locationOfInput.getOrDefault(n, n);
      return new LayoutValue(blendSources.stream().map(at).toList(), mixSources.stream().map(at).toList(), videoLayers,
          audioLayers);
    }

    /** The names of the inputs it shows or plays (in channel mode: none, channels stand between). */
    public List<String> inputs(boolean channelMode) {
      return channelMode ? List.of() : java.util.stream.Stream.concat(blendSources.stream(), mixSources.stream()).distinct().toList();
    }
  }

  /** What a scene should show: a layout and overlays, by name. */
  public record SceneWish(String layout, List<String> components) {

    public SceneWish {
      components = components == null ? List.of() : List.copyOf(components);
    }

    /** Its cloud form for a scene, once the layout and overlays have ids; empty before. */
    public Optional<SceneValue> resolve(String sceneId, boolean program, Function<String, String> layoutId,
        Function<String, String> componentId) {
      String layout = layout() == null ? null : layoutId.apply(layout());
      if (layout() != null && layout == null) {
        return Optional.empty();
      }
      List<String> ids = components.stream().map(componentId).toList();
      if (ids.contains(null)) {
        return Optional.empty();
      }
      return Optional.of(new SceneValue(sceneId, program, layout, ids));
    }
  }
}
