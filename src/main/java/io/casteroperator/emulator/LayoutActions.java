package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Add/Modify/Delete/DescribeCasterLayout(s) (studio-api-notes §5). The four lists travel flattened:
 * {@code BlendList.N}, {@code MixList.N}, {@code VideoLayer.N.<Field>} (with
 * {@code VideoLayer.N.PositionNormalized.M}) and {@code AudioLayer.N.<Field>}. A layer with no field
 * set does not exist on the wire, so a client must send at least one field of every layer.
 */
final class LayoutActions {
  private static final Pattern LOCATION = Pattern.compile("RV(\\d\\d)");
  private static final List<String> FILL_MODES = List.of("none", "fit");
  private static final List<String> POSITION_REFERS =
      List.of("topLeft", "topRight", "bottomLeft", "bottomRight", "center", "topCenter", "bottomCenter", "leftCenter", "rightCenter");
  private static final List<String> VALID_CHANNELS = List.of("leftChannel", "rightChannel", "all");
  private static final int MAX_DELAY_MS = 5000;

  private final StudioAccess access;

  LayoutActions(StudioAccess access) {
    this.access = access;
  }

  /** The lists a call sends; null for a list it leaves out. */
  private record Lists(List<String> blend, List<String> mix, List<Layout.VideoLayer> video, List<Layout.AudioLayer> audio) {}

  ObjectNode add(Caller who, Map<String, String> p) {
    Lists lists = parse(p);
    if (lists.blend() == null) {
      throw Params.missing("BlendList");
    }
    if (lists.mix() == null) {
      throw Params.missing("MixList");
    }
    String id = access.change(who, p, c -> insert(c, lists, access.settings.strictReferences()));
    return Json.object().put("LayoutId", id);
  }

  /** A full replace of each list the call sends; lists it leaves out are kept (guess, notes §5). */
  ObjectNode modify(Caller who, Map<String, String> p) {
    String layoutId = Params.required(p, "LayoutId");
    Lists lists = parse(p);
    access.change(who, p, c -> {
      replace(c, layoutId, lists, access.settings.strictReferences());
      return null;
    });
    return Json.object().put("LayoutId", layoutId);
  }

  ObjectNode delete(Caller who, Map<String, String> p) {
    String layoutId = Params.required(p, "LayoutId");
    String casterId = access.change(who, p, c -> {
      c.studio.layout(layoutId);
      if (access.settings.strictReferences()) {
        c.studio.scenes.stream().filter(s -> layoutId.equals(s.layoutId)).findFirst().ifPresent(s -> {
          throw ApiError.INCORRECT_LAYOUT_STATUS_INUSE.exception("Layout " + layoutId + " is shown by scene " + s.sceneId + ".");
        });
      }
      c.studio.layouts.remove(layoutId);
      return c.id;
    });
    return Json.object().put("CasterId", casterId).put("LayoutId", layoutId);
  }

  /** guess: an unknown LayoutId filter answers InvalidLayout.NotFound, as an unknown SceneId filter does. */
  ObjectNode describe(Caller who, Map<String, String> p) {
    String filter = Params.optional(p, "LayoutId");
    return access.read(who, p, c -> {
      List<Layout> layouts = filter == null ? List.copyOf(c.studio.layouts.values()) : List.of(c.studio.layout(filter));
      ObjectNode out = Json.object();
      out.put("Total", layouts.size());
      ArrayNode list = out.putObject("Layouts").putArray("Layout");
      layouts.forEach(l -> list.add(view(l)));
      return out;
    });
  }

  // ---- the console: same values, no state rule, no strict references ----

  String consoleAdd(String casterId, Map<String, String> p) {
    Lists lists = CloudConsole.unwrap(() -> parse(p));
    return access.console(casterId, c -> insert(c, new Lists(orEmpty(lists.blend()), orEmpty(lists.mix()),
        orEmpty(lists.video()), orEmpty(lists.audio())), false));
  }

  void consoleModify(String casterId, String layoutId, Map<String, String> p) {
    Lists lists = CloudConsole.unwrap(() -> parse(p));
    access.console(casterId, c -> {
      replace(c, layoutId, lists, false);
      return null;
    });
  }

  boolean consoleDelete(String casterId, String layoutId) {
    return access.console(casterId, c -> c.studio.layouts.remove(layoutId) != null);
  }

  // ---- rules ----

  private String insert(StoredCaster c, Lists lists, boolean strict) {
    Layout layout = checked(c, new Layout(StudioAccess.newId(), lists.blend(), lists.mix(), orEmpty(lists.video()),
        orEmpty(lists.audio())), strict);
    c.studio.layouts.put(layout.layoutId(), layout);
    return layout.layoutId();
  }

  private void replace(StoredCaster c, String layoutId, Lists lists, boolean strict) {
    Layout old = c.studio.layout(layoutId);
    Layout changed = new Layout(layoutId,
        lists.blend() != null ? lists.blend() : old.blendList(),
        lists.mix() != null ? lists.mix() : old.mixList(),
        lists.video() != null ? lists.video() : old.videoLayers(),
        lists.audio() != null ? lists.audio() : old.audioLayers());
    c.studio.layouts.put(layoutId, checked(c, changed, strict));
  }

  private Layout checked(StoredCaster c, Layout l, boolean strict) {
    if (l.blendList().size() != l.videoLayers().size()) {
      throw ApiError.INVALID_LAYERS_SIZE_MISMATCH.exception("Specified parameter VideoLayers and BlendList size is invalid.");
    }
    if (l.mixList().size() != l.audioLayers().size()) {
      throw ApiError.INVALID_LAYERS_SIZE_MISMATCH.exception("Specified parameter AudioLayers and MixList size is invalid.");
    }
    if (strict) {
      // guess: whether unknown locations are refused is not documented; only the strict switch does.
      List<String> named = new ArrayList<>(l.blendList());
      named.addAll(l.mixList());
      for (String location : named) {
        boolean known = c.channelEnable == 1
            ? Integer.parseInt(location.substring(2)) <= access.settings.studioInputs()
            : c.studio.resourceAt(location).isPresent();
        if (!known) {
          throw ApiError.INVALID_RESOURCE_NOT_FOUND.exception(
              (c.channelEnable == 1 ? "Channel " : "No resource at location ") + location + ".");
        }
      }
    }
    return l;
  }

  private static Lists parse(Map<String, String> p) {
    List<String> blend = Params.hasList(p, "BlendList") ? locations(p, "BlendList") : null;
    List<String> mix = Params.hasList(p, "MixList") ? locations(p, "MixList") : null;
    int videoCount = Params.highestIndex(p, "VideoLayer");
    int audioCount = Params.highestIndex(p, "AudioLayer");
    List<Layout.VideoLayer> video = videoCount == 0 ? null : new ArrayList<>();
    for (int n = 1; n <= videoCount; n++) {
      video.add(videoLayer(p, "VideoLayer." + n + "."));
    }
    List<Layout.AudioLayer> audio = audioCount == 0 ? null : new ArrayList<>();
    for (int n = 1; n <= audioCount; n++) {
      audio.add(audioLayer(p, "AudioLayer." + n + "."));
    }
    return new Lists(blend, mix, video, audio);
  }

  private static List<String> locations(Map<String, String> p, String list) {
    List<String> ids = Params.indexed(p, list);
    for (String id : ids) {
      if (!LOCATION.matcher(id).matches() || id.equals("RV00")) {
        throw Params.malformed(list, id + " is not a location or channel id (RV01 to RV99)");
      }
    }
    return ids;
  }

  private static Layout.VideoLayer videoLayer(Map<String, String> p, String prefix) {
    String fillMode = orDefault(Params.oneOf(p, prefix + "FillMode", FILL_MODES), "none");
    double height = orDefault(Params.decimal(p, prefix + "HeightNormalized", 0, 1), 0.0);
    double width = orDefault(Params.decimal(p, prefix + "WidthNormalized", 0, 1), 0.0);
    if (fillMode.equals("fit") && (height <= 0 || width <= 0)) {
      throw Params.malformed(prefix + "FillMode", "fit needs HeightNormalized and WidthNormalized above 0");
    }
    List<Double> position = position(p, prefix + "PositionNormalized");
    String refer = orDefault(Params.oneOf(p, prefix + "PositionRefer", POSITION_REFERS), "topLeft");
    int delay = orDefault(Params.integer(p, prefix + "FixedDelayDuration", 0, MAX_DELAY_MS), 0);
    return new Layout.VideoLayer(fillMode, height, width, position, refer, delay);
  }

  private static Layout.AudioLayer audioLayer(Map<String, String> p, String prefix) {
    double volume = orDefault(Params.decimal(p, prefix + "VolumeRate", 0, 10), 1.0);
    String channel = orDefault(Params.oneOf(p, prefix + "ValidChannel", VALID_CHANNELS), "all");
    int delay = orDefault(Params.integer(p, prefix + "FixedDelayDuration", 0, MAX_DELAY_MS), 0);
    return new Layout.AudioLayer(volume, channel, delay);
  }

  /** Exactly two values in [0, 1], default [0, 0]. */
  private static List<Double> position(Map<String, String> p, String list) {
    List<String> values;
    try {
      values = Params.indexed(p, list);
    } catch (ApiException e) {
      throw ApiError.INVALID_POSITION_NORMALIZED_MALFORMED.exception(e.getMessage());
    }
    if (values.isEmpty()) {
      return List.of(0.0, 0.0);
    }
    if (values.size() != 2) {
      throw ApiError.INVALID_POSITION_NORMALIZED_MALFORMED.exception(list + " must hold exactly 2 values, not " + values.size() + ".");
    }
    List<Double> xy = new ArrayList<>(2);
    for (String v : values) {
      try {
        xy.add(Params.decimalValue(list, v, 0, 1));
      } catch (ApiException e) {
        throw ApiError.INVALID_POSITION_NORMALIZED_MALFORMED.exception(e.getMessage());
      }
    }
    return xy;
  }

  private static <T> T orDefault(T value, T otherwise) {
    return value != null ? value : otherwise;
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** Request VideoLayer.N becomes VideoLayers.VideoLayer[], PositionNormalized becomes PositionNormalizeds.Position[]. */
  static ObjectNode view(Layout l) {
    ObjectNode item = Json.object();
    item.put("LayoutId", l.layoutId());
    ArrayNode blend = item.putObject("BlendList").putArray("LocationId");
    l.blendList().forEach(blend::add);
    ArrayNode mix = item.putObject("MixList").putArray("LocationId");
    l.mixList().forEach(mix::add);
    ArrayNode video = item.putObject("VideoLayers").putArray("VideoLayer");
    for (Layout.VideoLayer v : l.videoLayers()) {
      ObjectNode layer = video.addObject();
      layer.put("FillMode", v.fillMode());
      layer.put("HeightNormalized", v.heightNormalized());
      layer.put("WidthNormalized", v.widthNormalized());
      layer.put("PositionRefer", v.positionRefer());
      ArrayNode position = layer.putObject("PositionNormalizeds").putArray("Position");
      v.positionNormalized().forEach(position::add);
      layer.put("FixedDelayDuration", v.fixedDelayDuration());
    }
    ArrayNode audio = item.putObject("AudioLayers").putArray("AudioLayer");
    for (Layout.AudioLayer a : l.audioLayers()) {
      audio.addObject().put("VolumeRate", a.volumeRate()).put("ValidChannel", a.validChannel())
          .put("FixedDelayDuration", a.fixedDelayDuration());
    }
    return item;
  }
}
