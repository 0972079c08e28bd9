package io.casteroperator.config;

import io.casteroperator.api.CasterSpec;
import io.casteroperator.api.ChannelBinding;
import io.casteroperator.api.Component;
import io.casteroperator.api.ComponentLayer;
import io.casteroperator.api.ComponentType;
import io.casteroperator.api.FillMode;
import io.casteroperator.api.Layout;
import io.casteroperator.api.SceneContent;
import io.casteroperator.api.VideoLayer;
import io.casteroperator.api.VideoResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The CEL rules of the studio's lists, mirrored: each violation has the path and rule the API
 * server reports (so the schema table can hold both to the same answer), and a message that names
 * the item by its name, which the API server's fixed messages cannot.
 */
final class StudioRules {

  private StudioRules() {}

  static void check(CasterSpec spec, List<Violation> violations) {
    List<VideoResource> resources = orEmpty(spec.getVideoResources());
    List<ChannelBinding> channels = orEmpty(spec.getChannels());
    List<Layout> layouts = orEmpty(spec.getLayouts());
    List<Component> components = orEmpty(spec.getComponents());
    boolean channelMode = Boolean.TRUE.equals(spec.getChannelEnable());

    for (int i = 0; i < resources.size(); i++) {
      checkResource("spec.videoResources[" + i + "]", resources.get(i), violations);
    }
    unique("spec.videoResources", resources, VideoResource::getLocationId, "two videoResources share locationId %s: one input per location", violations);
    unique("spec.channels", channels, ChannelBinding::getVideoResource, "input %s plays on more than one channel: an input plays on one channel at most", violations);
    unique("spec.components", components.stream().filter(c -> c == null || c.getType() != ComponentType.CAPTION).toList(),
        Component::getLocationId, "two components share locationId %s: one text or image overlay per location", violations);
    for (int i = 0; i < layouts.size(); i++) {
      checkLayout("spec.layouts[" + i + "]", layouts.get(i), violations);
    }
    for (int i = 0; i < components.size(); i++) {
      checkComponent("spec.components[" + i + "]", components.get(i), violations);
    }

    if (!channels.isEmpty() && !channelMode) {
      violations.add(new Violation("spec.channels", "cel", "spec.channels: channels need channelEnable: true"));
    }
    Set<String> resourceNames = names(resources, VideoResource::getName);
    for (ChannelBinding channel : channels) {
      if (channel != null && channel.getVideoResource() != null && !resourceNames.contains(channel.getVideoResource())) {
        violations.add(new Violation("spec.channels", "cel", "spec.channels[" + channel.getChannelId() + "].videoResource: no entry of"
            + " videoResources is named " + channel.getVideoResource()));
      }
    }
    Set<String> sources = channelMode ? names(channels, ChannelBinding::getChannelId) : resourceNames;
    List<String> badSources = new ArrayList<>();
    for (Layout layout : layouts) {
      if (layout == null) {
        continue;
      }
      missing(layout.getBlendList(), sources).forEach(n -> badSources.add("spec.layouts[" + layout.getName() + "].blendList: "
          + notASource(n, channelMode, resourceNames)));
      missing(layout.getMixList(), sources).forEach(n -> badSources.add("spec.layouts[" + layout.getName() + "].mixList: "
          + notASource(n, channelMode, resourceNames)));
    }
    if (!badSources.isEmpty()) {
      violations.add(new Violation("spec.layouts", "cel", String.join("; ", badSources)));
    }
    Set<String> captionSources = channelMode ? sources : names(resources, VideoResource::getLocationId);
    for (Component component : components) {
      if (component != null && component.getType() == ComponentType.CAPTION && component.getLocationId() != null
          && !captionSources.contains(component.getLocationId())) {
        violations.add(new Violation("spec.components", "cel", "spec.components[" + component.getName() + "].locationId: "
            + component.getLocationId() + " is not the " + (channelMode ? "channelId of an entry of channels" : "locationId of an entry of videoResources")
            + ": a caption transcribes an input"));
      }
    }
    checkScenes(spec, names(layouts, Layout::getName), names(components, Component::getName), violations);
  }

  /** Why a layout source is none, with a hint when it is right for the other mode. */
  private static String notASource(String source, boolean channelMode, Set<String> resourceNames) {
    if (channelMode) {
      return source + " is not the channelId of an entry of channels" + (resourceNames.contains(source)
          ? " (with channelEnable: true, a layout shows channels: name the channel that plays " + source + ")" : "");
    }
    return source + " is not the name of an entry of videoResources" + (source.matches("RV[0-9]{2}")
        ? " (a layout names channel ids only with channelEnable: true; name the input instead)" : "");
  }

  private static void checkScenes(CasterSpec spec, Set<String> layouts, Set<String> components, List<Violation> violations) {
    if (spec.getScenes() == null) {
      return;
    }
    List<String> problems = new ArrayList<>();
    scene("program", spec.getScenes().getProgram(), layouts, components, problems);
    scene("preview", spec.getScenes().getPreview(), layouts, components, problems);
    if (!problems.isEmpty()) {
      violations.add(new Violation("spec.scenes", "cel", String.join("; ", problems)));
    }
    if (!Boolean.TRUE.equals(spec.getRunning())) {
      violations.add(new Violation("spec.scenes", "cel",
          "spec.scenes: needs running: true: the scenes exist, and can be set, only while the caster runs"));
    }
  }

  private static void scene(String which, SceneContent scene, Set<String> layouts, Set<String> components, List<String> problems) {
    if (scene == null) {
      return;
    }
    if (scene.getLayout() != null && !layouts.contains(scene.getLayout())) {
      problems.add("spec.scenes." + which + ".layout: no entry of layouts is named " + scene.getLayout());
    }
    missing(scene.getComponents(), components)
        .forEach(n -> problems.add("spec.scenes." + which + ".components: no entry of components is named " + n));
  }

  private static void checkResource(String path, VideoResource resource, List<Violation> violations) {
    if (resource == null) {
      return;
    }
    long sources = Stream.of(resource.getLiveStreamUrl(), resource.getMaterialId(), resource.getVodUrl(),
        resource.getImageId(), resource.getImageUrl()).filter(Objects::nonNull).count();
    if (sources != 1) {
      violations.add(new Violation(path, "cel", path + " (" + resource.getName() + "): set exactly one of liveStreamUrl,"
          + " materialId, vodUrl, imageId and imageUrl: it is what the input plays"));
    }
  }

  private static void checkLayout(String path, Layout layout, List<Violation> violations) {
    if (layout == null) {
      return;
    }
    if (layout.getBlendList() != null && layout.getVideoLayers() != null && layout.getBlendList().size() != layout.getVideoLayers().size()) {
      violations.add(new Violation(path + ".videoLayers", "cel", path + ".videoLayers (" + layout.getName() + "): "
          + count(layout.getVideoLayers().size(), "layer") + " for " + count(layout.getBlendList().size(), "blendList source")
          + ": one layer per source, the n-th layer shows the n-th source"));
    }
    if (layout.getMixList() != null && layout.getAudioLayers() != null && layout.getMixList().size() != layout.getAudioLayers().size()) {
      violations.add(new Violation(path + ".audioLayers", "cel", path + ".audioLayers (" + layout.getName() + "): "
          + count(layout.getAudioLayers().size(), "layer") + " for " + count(layout.getMixList().size(), "mixList source")
          + ": one layer per source, or leave audioLayers out for the defaults"));
    }
    List<VideoLayer> layers = orEmpty(layout.getVideoLayers());
    for (int i = 0; i < layers.size(); i++) {
      VideoLayer layer = layers.get(i);
      if (layer == null) {
        continue;
      }
      String at = path + ".videoLayers[" + i + "]";
      position(at, layout.getName(), layer.getPositionNormalized(), violations);
      if (layer.getFillMode() == FillMode.FIT && !(positive(layer.getHeightNormalized()) && positive(layer.getWidthNormalized()))) {
        violations.add(new Violation(at + ".fillMode", "cel", at + ".fillMode (" + layout.getName() + "): fit needs"
            + " heightNormalized and widthNormalized above 0: the box the picture is fitted into"));
      }
    }
  }

  private static void checkComponent(String path, Component component, List<Violation> violations) {
    if (component == null || component.getType() == null) {
      return;
    }
    ComponentType type = component.getType();
    boolean text = component.getText() != null;
    boolean image = component.getImage() != null;
    boolean caption = component.getCaption() != null;
    boolean right = switch (type) {
      case TEXT -> text && !image && !caption;
      case IMAGE -> image && !text && !caption;
      case CAPTION -> caption && !text && !image;
    };
    if (!right) {
      violations.add(new Violation(path, "cel", path + " (" + component.getName() + "): type " + type.apiValue()
          + " needs " + type.apiValue() + " and no other content"));
    }
    String location = component.getLocationId();
    if (location != null && !location.startsWith(type == ComponentType.CAPTION ? "RV" : "RC")) {
      violations.add(new Violation(path + ".locationId", "cel", path + ".locationId (" + component.getName() + "): "
          + location + ": " + (type == ComponentType.CAPTION
          ? "a caption sits at the RVnn location of the input it transcribes" : "a text or image overlay sits at RC01 to RC99")));
    }
    ComponentLayer layer = component.getLayer();
    if (layer != null) {
      position(path + ".layer", component.getName(), layer.getPositionNormalized(), violations);
    }
  }

  private static void position(String path, String name, List<Double> position, List<Violation> violations) {
    if (position != null && position.stream().anyMatch(v -> v == null || v < 0 || v > 1)) {
      violations.add(new Violation(path + ".positionNormalized", "cel", path + ".positionNormalized (" + name + "): "
          + position + ": both values are fractions of the output, 0 to 1"));
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static <T> void unique(String path, List<T> items, Function<T, String> key, String message, List<Violation> violations) {
    Set<String> seen = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (T item : items) {
      String value = item == null ? null : key.apply(item);
      if (value != null && !seen.add(value) && reported.add(value)) {
        violations.add(new Violation(path, "cel", path + ": " + message.formatted(value)));
      }
    }
  }

  private static boolean positive(Double value) {
    return value != null && value > 0;
  }

  private static List<String> missing(List<String> names, Set<String> known) {
    return orEmpty(names).stream().filter(n -> n != null && !known.contains(n)).toList();
  }

  private static <T> Set<String> names(List<T> items, Function<T, String> name) {
    Set<String> names = new HashSet<>();
    items.stream().filter(Objects::nonNull).map(name).filter(Objects::nonNull).forEach(names::add);
    return names;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
