package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The admin API's studio endpoints under {@code casters/<id>/}: read a studio, and change it as the
 * console does (through {@link StudioConsole}). Items are shown as the Describe calls report them,
 * with a {@code writeOnly} object holding what the API never reports. Bodies use the API's
 * parameter names with JSON lists and objects ({@code {"BlendList": ["RV01"], "VideoLayer":
 * [{"FillMode": "fit", "PositionNormalized": [0, 0]}]}}), flattened 1-based as the SDKs send them.
 */
final class StudioAdmin {
  static final Set<String> SECTIONS = Set.of("studio", "videoResources", "layouts", "components", "channels", "scenes");
  /** Parameters that are JSON text on the wire: an object given for them is sent as its JSON. */
  private static final Set<String> JSON_TEXT =
      Set.of("ComponentLayer", "TextLayerContent", "ImageLayerContent", "CaptionLayerContent");

  private final LiveEmulator emulator;

  StudioAdmin(LiveEmulator emulator) {
    this.emulator = emulator;
  }

  /** What the route needs from the request. */
  interface Request {
    String method();

    JsonNode body();
  }

  JsonNode route(String casterId, String[] parts, Request request) {
    String section = parts[2];
    String itemId = parts.length > 3 ? parts[3] : null;
    if (parts.length > 4 || (section.equals("studio") && itemId != null)) {
      throw new AdminApi.AdminError(404, "No admin endpoint " + String.join("/", parts));
    }
    StudioConsole console = emulator.studioConsole();
    String method = request.method();
    if (method.equals("GET")) {
      JsonNode studio = studio(casterId);
      return itemId == null ? (section.equals("studio") ? studio : studio.get(section)) : item(studio, section, itemId);
    }
    switch (section) {
      case "videoResources", "layouts", "components" -> {
        if (method.equals("DELETE") && itemId != null) {
          boolean deleted = switch (section) {
            case "videoResources" -> console.deleteVideoResource(casterId, itemId);
            case "layouts" -> console.deleteLayout(casterId, itemId);
            default -> console.deleteComponent(casterId, itemId);
          };
          if (!deleted) {
            throw new NoSuchElementException("No " + section + " item " + itemId);
          }
          return Json.object().put("deleted", itemId);
        }
        requirePost(method);
        Map<String, String> p = flatten(request.body());
        String id = itemId;
        switch (section) {
          case "videoResources" -> {
            if (id == null) {
              id = console.addVideoResource(casterId, p);
            } else {
              console.modifyVideoResource(casterId, id, p);
            }
          }
          case "layouts" -> {
            if (id == null) {
              id = console.addLayout(casterId, p);
            } else {
              console.modifyLayout(casterId, id, p);
            }
          }
          default -> {
            if (id == null) {
              id = console.addComponent(casterId, p);
            } else {
              console.modifyComponent(casterId, id, p);
            }
          }
        }
        return item(studio(casterId), section, id);
      }
      case "channels" -> {
        requirePost(method);
        requireItem(itemId, section);
        JsonNode resource = request.body().get("ResourceId");
        console.setChannel(casterId, itemId, resource == null || resource.isNull() || resource.asText().isEmpty()
            ? null : resource.asText());
        return item(studio(casterId), section, itemId);
      }
      case "scenes" -> {
        requirePost(method);
        requireItem(itemId, section);
        JsonNode body = request.body();
        if (body.has("LayoutId") || body.has("ComponentId")) {
          List<String> components = new ArrayList<>();
          body.path("ComponentId").forEach(c -> components.add(c.asText()));
          JsonNode layout = body.get("LayoutId");
          console.configureScene(casterId, itemId, layout == null || layout.isNull() ? null : layout.asText(), components);
        }
        if (body.has("status")) {
          int status = body.get("status").asInt(-1);
          if (status != 0 && status != 1) {
            throw new IllegalArgumentException("Give {\"status\": 0|1}");
          }
          console.setSceneRunning(casterId, itemId, status == 1);
        }
        return item(studio(casterId), section, itemId);
      }
      default -> throw new AdminApi.AdminError(405, "Use GET on " + section);
    }
  }

  /** The whole studio: each list as its Describe call reports it, plus what the API does not report. */
  ObjectNode studio(String casterId) {
    StudioSnapshot s = emulator.studio(casterId).orElseThrow(() -> new NoSuchElementException("No caster " + casterId));
    ObjectNode out = Json.object();
    out.put("casterId", s.casterId());
    out.put("regionId", s.regionId());
    out.put("status", s.running() ? 1 : 0);
    out.put("channelEnable", s.channelEnable());
    ArrayNode resources = out.putArray("videoResources");
    for (VideoResource r : s.videoResources()) {
      ObjectNode item = ResourceActions.view(r);
      ObjectNode writeOnly = item.putObject("writeOnly").put("FixedDelayDuration", r.fixedDelayDuration());
      if (r.streamId() != null) {
        writeOnly.put("StreamId", r.streamId());
      }
      resources.add(item);
    }
    ArrayNode channels = out.putArray("channels");
    for (Channel ch : s.channels()) {
      ObjectNode item = channels.addObject().put("ChannelId", ch.channelId());
      putIfSet(item, "ResourceId", ch.resourceId());
      putIfSet(item, "FaceBeauty", ch.faceBeauty());
    }
    ArrayNode layouts = out.putArray("layouts");
    s.layouts().forEach(l -> layouts.add(LayoutActions.view(l)));
    ArrayNode components = out.putArray("components");
    for (Component c : s.components()) {
      ObjectNode item = ComponentActions.view(c);
      ObjectNode writeOnly = item.putObject("writeOnly");
      putIfSet(writeOnly, "LayerOrder", c.layerOrder());
      putIfSet(writeOnly, "HtmlLayerContent", c.htmlLayerContent());
      if (c.captionLayerContent() != null) {
        writeOnly.set("CaptionLayerContent", Json.parse(c.captionLayerContent()).orElseThrow());
      }
      components.add(item);
    }
    out.set("scenes", scenes(s.scenes()));
    return out;
  }

  /** Scenes as DescribeCasterScenes reports them, plus their RTMP URL. */
  static ArrayNode scenes(List<Scene> scenes) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    scenes.forEach(scene -> list.add(SceneActions.view(scene).put("RtmpUrl", scene.rtmpUrl())));
    return list;
  }

  private static JsonNode item(JsonNode studio, String section, String id) {
    String key = switch (section) {
      case "videoResources" -> "ResourceId";
      case "layouts" -> "LayoutId";
      case "components" -> "ComponentId";
      case "channels" -> "ChannelId";
      default -> "SceneId";
    };
    for (JsonNode item : studio.get(section)) {
      if (id.equals(item.path(key).asText())) {
        return item;
      }
    }
    throw new NoSuchElementException("No " + section + " item " + id);
  }

  /** JSON body -> API parameters: lists become .1, .2 ...; objects .Field, except the JSON-text parameters. */
  static Map<String, String> flatten(JsonNode body) {
    if (!body.isObject()) {
      throw new IllegalArgumentException("Give a JSON object of API parameters");
    }
    Map<String, String> out = new LinkedHashMap<>();
    body.properties().forEach(e -> flattenInto(out, e.getKey(), e.getValue(), true));
    return out;
  }

  private static void flattenInto(Map<String, String> out, String key, JsonNode value, boolean topLevel) {
    if (value.isNull()) {
      return;
    }
    if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        flattenInto(out, key + "." + (i + 1), value.get(i), false);
      }
    } else if (value.isObject()) {
      if (topLevel && JSON_TEXT.contains(key)) {
        out.put(key, Json.write(value));
      } else {
        value.properties().forEach(e -> flattenInto(out, key + "." + e.getKey(), e.getValue(), false));
      }
    } else {
      out.put(key, value.asText());
    }
  }

  private static void putIfSet(ObjectNode out, String name, String value) {
    if (value != null) {
      out.put(name, value);
    }
  }

  private static void requirePost(String method) {
    if (!method.equals("POST")) {
      throw new AdminApi.AdminError(405, "Use POST");
    }
  }

  private static void requireItem(String itemId, String section) {
    if (itemId == null) {
      throw new NoSuchElementException("Name the item: " + section + "/<id>");
    }
  }
}
