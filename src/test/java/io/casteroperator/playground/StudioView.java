package io.casteroperator.playground;

import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.casteroperator.config.studio.ChannelValue;
import io.casteroperator.config.studio.CloudItem;
import io.casteroperator.config.studio.ComponentValue;
import io.casteroperator.config.studio.InputValue;
import io.casteroperator.config.studio.LayoutValue;
import io.casteroperator.config.studio.SceneValue;
import io.casteroperator.live.LiveClient;
import io.casteroperator.live.LiveResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A studio in a manifest's own terms, so that what a Caster asks for and what the cloud holds can be
 * compared whole: inputs and overlays by name, channels by the input they play, layouts by what they
 * show (the cloud knows a layout by its id only, so they are a list in no particular order), sources
 * by input name, and each scene by the layout and the overlay names it shows. Fields a manifest
 * leaves out have the defaults of the README's field table; numbers are kept at the 32-bit float
 * precision the service keeps them at.
 *
 * <p>Overlay content is compared in the fields the manifest sets: the service fills in its own for
 * the others (a font, a colour), and some caption fields cannot be read at all.
 */
record StudioView(
    Map<String, Map<String, Object>> inputs,
    Map<String, String> channels,
    List<Map<String, Object>> layouts,
    Map<String, Map<String, Object>> components,
    Map<String, Map<String, Object>> scenes) {

  /** Input source fields of the spec, each the API parameter of the same name capitalised. */
  private static final List<String> SOURCES = List.of("liveStreamUrl", "materialId", "vodUrl", "imageId", "imageUrl");
  private static final List<String> CONTENTS = List.of("text", "image", "caption");

  // ---- what a manifest asks for ----

  /** The studio of a Caster manifest's {@code spec}, read as YAML (not through the operator's types). */
  static StudioView ofSpec(JsonNode spec) {
    Map<String, Map<String, Object>> inputs = new TreeMap<>();
    for (JsonNode r : spec.path("videoResources")) {
      String kind = SOURCES.stream().filter(r::has).findFirst().orElseThrow();
      inputs.put(r.get("name").asText(), input(r.get("locationId").asText(), capitalised(kind) + " " + r.get(kind).asText(),
          r.path("beginOffset").asLong(0), r.path("endOffset").asLong(0), r.path("repeatNum").asLong(0),
          r.path("ptsCallbackInterval").asLong(0)));
    }
    Map<String, String> channels = new TreeMap<>();
    for (JsonNode c : spec.path("channels")) {
      channels.put(c.get("channelId").asText(), c.get("videoResource").asText());
    }
    Map<String, Map<String, Object>> layoutsByName = new LinkedHashMap<>();
    for (JsonNode l : spec.path("layouts")) {
      List<Map<String, Object>> video = new ArrayList<>();
      for (JsonNode v : l.path("videoLayers")) {
        video.add(videoLayer(v.path("fillMode").asText("none"), v.path("heightNormalized").asDouble(0),
            v.path("widthNormalized").asDouble(0), position(v.path("positionNormalized")),
            v.path("positionRefer").asText("topLeft"), v.path("fixedDelayDuration").asLong(0)));
      }
      List<Map<String, Object>> audio = new ArrayList<>();
      if (l.has("audioLayers")) {
        for (JsonNode a : l.get("audioLayers")) {
          audio.add(audioLayer(a.path("volumeRate").asDouble(1), a.path("validChannel").asText("all"),
              a.path("fixedDelayDuration").asLong(0)));
        }
      } else {
        // Left out: every mixList source at volume 1 on all channels.
        l.path("mixList").forEach(m -> audio.add(audioLayer(1, "all", 0)));
      }
      layoutsByName.put(l.get("name").asText(), layout(texts(l.path("blendList")), texts(l.path("mixList")), video, audio));
    }
    Map<String, Map<String, Object>> components = new TreeMap<>();
    for (JsonNode c : spec.path("components")) {
      JsonNode layer = c.path("layer");
      String type = c.get("type").asText();
      Map<String, Object> content = new TreeMap<>();
      c.path(CONTENTS.stream().filter(c::has).findFirst().orElse(type)).properties().forEach(field -> {
        String key = capitalised(field.getKey());
        if (!ComponentValue.UNREADABLE_CAPTION_FIELDS.contains(key)) {
          content.put(key, value(field.getValue()));
        }
      });
      components.put(c.get("name").asText(), component(c.get("locationId").asText(), type, c.path("effect").asText("none"),
          layer.path("heightNormalized").asDouble(0), layer.path("widthNormalized").asDouble(0),
          position(layer.path("positionNormalized")), layer.path("positionRefer").asText("topLeft"), content));
    }
    Map<String, Map<String, Object>> scenes = new TreeMap<>();
    for (String scene : List.of("program", "preview")) {
      JsonNode s = spec.path("scenes").path(scene);
      if (!s.isMissingNode()) {
        scenes.put(scene, scene(s.has("layout") ? layoutsByName.get(s.get("layout").asText()) : null,
            texts(s.path("components"))));
      }
    }
    return new StudioView(inputs, channels, sorted(layoutsByName.values()), components, scenes);
  }

  // ---- what the Live API's Describe calls show ----

  /** The studio as the Describe calls report it, through the cloud seam (the real SDK). */
  static StudioView ofLive(LiveClient live, String casterId) {
    List<CloudItem<InputValue>> inputItems = ok(live.inputs(casterId));
    Map<String, String> inputNames = new TreeMap<>();
    Map<String, String> namesByLocation = new TreeMap<>();
    Map<String, Map<String, Object>> inputs = new TreeMap<>();
    for (CloudItem<InputValue> item : inputItems) {
      InputValue r = item.value();
      inputNames.put(item.id(), r.name());
      namesByLocation.put(r.locationId(), r.name());
      putOnce(inputs, r.name(), input(r.locationId(), r.source().kind().name() + " " + r.source().value(), r.beginOffset(),
          r.endOffset(), r.repeatNum(), r.ptsCallbackInterval()));
    }
    Map<String, String> channels = new TreeMap<>();
    for (ChannelValue c : ok(live.channels(casterId))) {
      if (c.resourceId() != null) {
        channels.put(c.channelId(), inputNames.getOrDefault(c.resourceId(), c.resourceId()));
      }
    }
    Map<String, Map<String, Object>> layoutsById = new LinkedHashMap<>();
    for (CloudItem<LayoutValue> item : ok(live.layouts(casterId))) {
      LayoutValue l = item.value();
      layoutsById.put(item.id(), layout(named(l.blendList(), namesByLocation), named(l.mixList(), namesByLocation),
          l.videoLayers().stream().map(v -> videoLayer(v.fillMode(), v.heightNormalized(), v.widthNormalized(),
              v.positionNormalized(), v.positionRefer(), v.fixedDelayDuration())).toList(),
          l.audioLayers().stream().map(a -> audioLayer(a.volumeRate(), a.validChannel(), a.fixedDelayDuration())).toList()));
    }
    Map<String, String> componentNames = new TreeMap<>();
    Map<String, Map<String, Object>> components = new TreeMap<>();
    for (CloudItem<ComponentValue> item : ok(live.components(casterId))) {
      ComponentValue c = item.value();
      componentNames.put(item.id(), c.name());
      Map<String, Object> content = new TreeMap<>();
      c.content().forEach((key, value) -> content.put(key, value instanceof Number n ? number(n.doubleValue()) : value));
      putOnce(components, c.name(), component(c.locationId(), c.type(), c.effect(),
          ((Number) c.layer().get("HeightNormalized")).doubleValue(), ((Number) c.layer().get("WidthNormalized")).doubleValue(),
          doubles(c.layer().get("PositionNormalized")), (String) c.layer().get("PositionRefer"), content));
    }
    Map<String, Map<String, Object>> scenes = new TreeMap<>();
    for (SceneValue s : ok(live.scenes(casterId))) {
      putOnce(scenes, s.program() ? "program" : "preview", scene(
          s.layoutId() == null ? null : layoutsById.get(s.layoutId()), named(s.componentIds(), componentNames)));
    }
    return new StudioView(inputs, channels, sorted(layoutsById.values()), components, scenes);
  }

  // ---- what the emulator's admin API shows ----

  /** The studio as {@code GET _emulator/casters/<id>/studio} shows it. */
  static StudioView ofAdmin(JsonNode studio) {
    Map<String, String> inputNames = new TreeMap<>();
    Map<String, String> namesByLocation = new TreeMap<>();
    Map<String, Map<String, Object>> inputs = new TreeMap<>();
    for (JsonNode r : studio.path("videoResources")) {
      String name = r.get("ResourceName").asText();
      inputNames.put(r.get("ResourceId").asText(), name);
      namesByLocation.put(r.get("LocationId").asText(), name);
      String kind = SOURCES.stream().map(StudioView::capitalised).filter(r::has).findFirst().orElseThrow();
      putOnce(inputs, name, input(r.get("LocationId").asText(), kind + " " + r.get(kind).asText(), r.path("BeginOffset").asLong(),
          r.path("EndOffset").asLong(), r.path("RepeatNum").asLong(), r.path("PtsCallbackInterval").asLong()));
    }
    Map<String, String> channels = new TreeMap<>();
    for (JsonNode c : studio.path("channels")) {
      if (c.hasNonNull("ResourceId")) {
        String id = c.get("ResourceId").asText();
        channels.put(c.get("ChannelId").asText(), inputNames.getOrDefault(id, id));
      }
    }
    Map<String, Map<String, Object>> layoutsById = new LinkedHashMap<>();
    for (JsonNode l : studio.path("layouts")) {
      List<Map<String, Object>> video = new ArrayList<>();
      for (JsonNode v : l.path("VideoLayers").path("VideoLayer")) {
        video.add(videoLayer(v.get("FillMode").asText(), v.get("HeightNormalized").asDouble(), v.get("WidthNormalized").asDouble(),
            position(v.path("PositionNormalizeds").path("Position")), v.get("PositionRefer").asText(),
            v.get("FixedDelayDuration").asLong()));
      }
      List<Map<String, Object>> audio = new ArrayList<>();
      for (JsonNode a : l.path("AudioLayers").path("AudioLayer")) {
        audio.add(audioLayer(a.get("VolumeRate").asDouble(), a.get("ValidChannel").asText(), a.get("FixedDelayDuration").asLong()));
      }
      layoutsById.put(l.get("LayoutId").asText(), layout(named(sources(l.path("BlendList")), namesByLocation),
          named(sources(l.path("MixList")), namesByLocation), video, audio));
    }
    Map<String, String> componentNames = new TreeMap<>();
    Map<String, Map<String, Object>> components = new TreeMap<>();
    for (JsonNode c : studio.path("components")) {
      String name = c.get("ComponentName").asText();
      componentNames.put(c.get("ComponentId").asText(), name);
      String type = c.get("ComponentType").asText();
      Map<String, Object> content = new TreeMap<>();
      c.path(capitalised(type) + "LayerContent").properties().forEach(f -> content.put(f.getKey(), value(f.getValue())));
      JsonNode layer = c.path("ComponentLayer");
      putOnce(components, name, component(c.get("LocationId").asText(), type, c.get("Effect").asText(),
          layer.get("HeightNormalized").asDouble(), layer.get("WidthNormalized").asDouble(),
          position(layer.path("PositionNormalizeds").path("Position")), layer.get("PositionRefer").asText(), content));
    }
    Map<String, Map<String, Object>> scenes = new TreeMap<>();
    for (JsonNode s : studio.path("scenes")) {
      String layoutId = s.path("LayoutId").asText("");
      putOnce(scenes, "1".equals(s.path("OutputType").asText()) ? "program" : "preview",
          scene(layoutId.isEmpty() ? null : layoutsById.get(layoutId), named(texts(s.path("ComponentIds").path("componentId")),
              componentNames)));
    }
    return new StudioView(inputs, channels, sorted(layoutsById.values()), components, scenes);
  }

  /**
   * This view with each overlay's content cut down to the fields {@code wanted} sets for the overlay
   * of the same name: the service fills in its own for the others.
   */
  StudioView inTheFieldsOf(StudioView wanted) {
    Map<String, Map<String, Object>> cut = new TreeMap<>();
    components.forEach((name, c) -> {
      Map<String, Object> copy = new LinkedHashMap<>(c);
      Map<String, Object> asked = wanted.components().get(name);
      if (asked != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = new TreeMap<>((Map<String, Object>) c.get("content"));
        content.keySet().retainAll(((Map<?, ?>) asked.get("content")).keySet());
        copy.put("content", content);
      }
      cut.put(name, copy);
    });
    return new StudioView(inputs, channels, layouts, cut, scenes);
  }

  // ---- the shapes, one place for each ----

  private static Map<String, Object> input(String locationId, String source, long beginOffset, long endOffset, long repeatNum,
      long ptsCallbackInterval) {
    return ordered("locationId", locationId, "source", source, "beginOffset", beginOffset, "endOffset", endOffset,
        "repeatNum", repeatNum, "ptsCallbackInterval", ptsCallbackInterval);
  }

  private static Map<String, Object> layout(List<String> blendList, List<String> mixList, List<Map<String, Object>> videoLayers,
      List<Map<String, Object>> audioLayers) {
    return ordered("blendList", blendList, "mixList", mixList, "videoLayers", videoLayers, "audioLayers", audioLayers);
  }

  private static Map<String, Object> videoLayer(String fillMode, double height, double width, List<Double> position,
      String positionRefer, long fixedDelayDuration) {
    return ordered("fillMode", fillMode, "heightNormalized", number(height), "widthNormalized", number(width),
        "positionNormalized", position.stream().map(StudioView::number).toList(), "positionRefer", positionRefer,
        "fixedDelayDuration", fixedDelayDuration);
  }

  private static Map<String, Object> audioLayer(double volumeRate, String validChannel, long fixedDelayDuration) {
    return ordered("volumeRate", number(volumeRate), "validChannel", validChannel, "fixedDelayDuration", fixedDelayDuration);
  }

  private static Map<String, Object> component(String locationId, String type, String effect, double height, double width,
      List<Double> position, String positionRefer, Map<String, Object> content) {
    return ordered("locationId", locationId, "type", type, "effect", effect, "layer", ordered("heightNormalized", number(height),
        "widthNormalized", number(width), "positionNormalized", position.stream().map(StudioView::number).toList(),
        "positionRefer", positionRefer), "content", content);
  }

  private static Map<String, Object> scene(Map<String, Object> layout, List<String> components) {
    Map<String, Object> scene = new LinkedHashMap<>();
    scene.put("layout", layout);
    scene.put("components", components);
    return scene;
  }

  // ---- helpers ----

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /** A value as the service keeps it: a float, in its shortest decimal form. */
  private static double number(double value) {
    return Double.parseDouble(Float.toString((float) value));
  }

  private static Object value(JsonNode node) {
    return node.isNumber() ? (Object) number(node.asDouble()) : node.isBoolean() ? (Object) node.asBoolean() : node.asText();
  }

  private static List<Double> position(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? List.of(0.0, 0.0) : doubles(node);
  }

  private static List<Double> doubles(Object list) {
    List<Double> out = new ArrayList<>();
    if (list instanceof JsonNode node) {
      node.forEach(n -> out.add(n.asDouble()));
    } else {
      ((List<?>) list).forEach(n -> out.add(((Number) n).doubleValue()));
    }
    return out;
  }

  private static List<String> texts(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** A layout's BlendList or MixList as the admin API shows it: by LocationId, or by ChannelId in channel mode. */
  private static List<String> sources(JsonNode list) {
    return texts(list.has("LocationId") ? list.get("LocationId") : list.path("ChannelId"));
  }

  /** Cloud ids (or locations) by the names the studio gives them; an id it does not know stays as it is. */
  private static List<String> named(List<String> ids, Map<String, String> names) {
    return ids.stream().map(id -> names.getOrDefault(id, id)).toList();
  }

  private static List<Map<String, Object>> sorted(java.util.Collection<Map<String, Object>> layouts) {
    return layouts.stream().sorted(Comparator.comparing((Function<Map<String, Object>, String>) Object::toString)).toList();
  }

  /** Two items of one name would collapse in a map: a name the cloud holds twice is a failure of its own. */
  private static void putOnce(Map<String, Map<String, Object>> map, String name, Map<String, Object> item) {
    assertNull(map.put(name, item), "the cloud holds two items named " + name);
  }

  private static String capitalised(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static <T> T ok(LiveResult<T> result) {
    return result.value();
  }
}
