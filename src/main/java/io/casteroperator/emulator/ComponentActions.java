package io.casteroperator.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Add/Modify/Delete/DescribeCasterComponent(s): text, image and caption overlays (studio-api-notes §6).
 * A component is independent of layouts; scenes show it through their scene configuration.
 */
final class ComponentActions {
  private static final Pattern OVERLAY_LOCATION = Pattern.compile("RC(0[1-9]|[1-9]\\d)");
  private static final Pattern CAPTION_LOCATION = Pattern.compile("RV(0[1-9]|[1-9]\\d)");
  private static final List<String> TYPES = List.of("text", "image", "caption");
  private static final List<String> EFFECTS = List.of("none", "animateH", "animateV");
  private static final List<String> LAYER_ORDERS = List.of("cover", "background");

  private final StudioAccess access;

  ComponentActions(StudioAccess access) {
    this.access = access;
  }

  ObjectNode add(Caller who, Map<String, String> p) {
    Component wanted = parseNew(p);
    String id = access.change(who, p, c -> insert(c, wanted));
    return Json.object().put("ComponentId", id);
  }

  /** Fields left out are kept (the pages do not say; guess). LocationId, LayerOrder and HtmlLayerContent have no Modify parameter. */
  ObjectNode modify(Caller who, Map<String, String> p) {
    String componentId = Params.required(p, "ComponentId");
    Component changes = parseChanges(p);
    access.change(who, p, c -> {
      c.studio.components.put(componentId, merged(c.studio.component(componentId), changes));
      return null;
    });
    return Json.object().put("ComponentId", componentId);
  }

  ObjectNode delete(Caller who, Map<String, String> p) {
    String componentId = Params.required(p, "ComponentId");
    String casterId = access.change(who, p, c -> {
      c.studio.component(componentId);
      if (access.settings.strictReferences()) {
        c.studio.scenes.stream().filter(s -> s.componentIds.contains(componentId)).findFirst().ifPresent(s -> {
          throw ApiError.INCORRECT_COMPONENT_STATUS_INUSE.exception(
              "Component " + componentId + " is shown by scene " + s.sceneId + ".");
        });
      }
      c.studio.components.remove(componentId);
      return c.id;
    });
    return Json.object().put("CasterId", casterId).put("ComponentId", componentId);
  }

  /** guess: an unknown ComponentId filter answers InvalidComponent.NotFound, as an unknown SceneId filter does. */
  ObjectNode describe(Caller who, Map<String, String> p) {
    String filter = Params.optional(p, "ComponentId");
    return access.read(who, p, c -> {
      List<Component> components =
          filter == null ? List.copyOf(c.studio.components.values()) : List.of(c.studio.component(filter));
      ObjectNode out = Json.object();
      out.put("Total", components.size());
      ArrayNode list = out.putObject("Components").putArray("Component");
      components.forEach(component -> list.add(view(component)));
      return out;
    });
  }

  // ---- the console: same values, no state rule ----

  String consoleAdd(String casterId, Map<String, String> p) {
    Component wanted = CloudConsole.unwrap(() -> parseNew(p));
    return access.console(casterId, c -> insert(c, wanted));
  }

  void consoleModify(String casterId, String componentId, Map<String, String> p) {
    Component changes = CloudConsole.unwrap(() -> parseChanges(p));
    access.console(casterId, c -> c.studio.components.put(componentId, merged(c.studio.component(componentId), changes)));
  }

  boolean consoleDelete(String casterId, String componentId) {
    return access.console(casterId, c -> c.studio.components.remove(componentId) != null);
  }

  // ---- rules ----

  private static Component parseNew(Map<String, String> p) {
    String location = Params.required(p, "LocationId");
    String type = Params.required(p, "ComponentType");
    if (Params.optional(p, "ComponentLayer") == null) {
      throw Params.missing("ComponentLayer");
    }
    Component given = parseChanges(p);
    Component c = new Component(null, given.componentName(), type, location,
        given.effect() != null ? given.effect() : "none",
        Params.oneOf(p, "LayerOrder", LAYER_ORDERS), given.componentLayer(), given.textLayerContent(),
        given.imageLayerContent(), given.captionLayerContent(),
        // HtmlLayerContent: format undocumented; kept as sent and never reported.
        Params.optional(p, "HtmlLayerContent"));
    return checked(c);
  }

  /** The fields a call gives, each normalised; null for those it leaves out. */
  private static Component parseChanges(Map<String, String> p) {
    String type = Params.oneOf(p, "ComponentType", TYPES);
    return new Component(null, Params.optional(p, "ComponentName"), type, null,
        Params.oneOf(p, "Effect", EFFECTS), null,
        json(p, "ComponentLayer", ComponentContent.LAYER),
        json(p, "TextLayerContent", ComponentContent.TEXT),
        json(p, "ImageLayerContent", ComponentContent.IMAGE),
        json(p, "CaptionLayerContent", ComponentContent.CAPTION),
        null);
  }

  private static String json(Map<String, String> p, String name, List<ComponentContent.Field> fields) {
    String value = Params.optional(p, name);
    return value == null ? null : Json.write(ComponentContent.normalize(name, value, fields));
  }

  private String insert(StoredCaster c, Component wanted) {
    boolean overlay = !wanted.componentType().equals("caption");
    if (overlay && c.studio.components.values().stream().anyMatch(o -> o.locationId().equals(wanted.locationId()))) {
      throw ApiError.DUPLICATE_LOCATION_ID.exception("LocationId " + wanted.locationId() + " is duplicate.");
    }
    String id = StudioAccess.newId();
    // guess: a component without a name is named after its id, as the page says.
    String name = wanted.componentName() != null ? wanted.componentName() : id;
    c.studio.components.put(id, new Component(id, name, wanted.componentType(), wanted.locationId(), wanted.effect(),
        wanted.layerOrder(), wanted.componentLayer(), wanted.textLayerContent(), wanted.imageLayerContent(),
        wanted.captionLayerContent(), wanted.htmlLayerContent()));
    return id;
  }

  private static Component merged(Component old, Component changes) {
    return checked(new Component(old.componentId(),
        changes.componentName() != null ? changes.componentName() : old.componentName(),
        changes.componentType() != null ? changes.componentType() : old.componentType(),
        old.locationId(),
        changes.effect() != null ? changes.effect() : old.effect(),
        old.layerOrder(),
        changes.componentLayer() != null ? changes.componentLayer() : old.componentLayer(),
        changes.textLayerContent() != null ? changes.textLayerContent() : old.textLayerContent(),
        changes.imageLayerContent() != null ? changes.imageLayerContent() : old.imageLayerContent(),
        changes.captionLayerContent() != null ? changes.captionLayerContent() : old.captionLayerContent(),
        old.htmlLayerContent()));
  }

  /** The type needs its content, and a location of its kind: RCnn for overlays, the input's RVnn for captions. */
  private static Component checked(Component c) {
    String type = c.componentType();
    if (!TYPES.contains(type)) {
      throw Params.malformed("ComponentType", "must be one of " + String.join(", ", TYPES));
    }
    Pattern location = type.equals("caption") ? CAPTION_LOCATION : OVERLAY_LOCATION;
    if (!location.matcher(c.locationId()).matches()) {
      throw Params.malformed("LocationId", type.equals("caption")
          ? "a caption names the RVnn of the input it transcribes"
          : "must be RC01 to RC99");
    }
    String content = switch (type) {
      case "text" -> c.textLayerContent();
      case "image" -> c.imageLayerContent();
      default -> c.captionLayerContent();
    };
    String parameter = switch (type) {
      case "text" -> "TextLayerContent";
      case "image" -> "ImageLayerContent";
      default -> "CaptionLayerContent";
    };
    if (content == null) {
      throw Params.missing(parameter);
    }
    if (type.equals("image") && Json.parse(content).orElseThrow().path("MaterialId").asText("").isEmpty()) {
      throw ApiError.INVALID_PARAMETER_MALFORMED.exception("MaterialId is not found");
    }
    return c;
  }

  /** What DescribeCasterComponents reports: the content of the component's own type only. */
  static ObjectNode view(Component c) {
    ObjectNode item = Json.object();
    item.put("ComponentId", c.componentId());
    item.put("ComponentName", c.componentName());
    item.put("ComponentType", c.componentType());
    item.put("LocationId", c.locationId());
    item.put("Effect", c.effect());
    item.set("ComponentLayer", ComponentContent.layerView(parsed(c.componentLayer())));
    switch (c.componentType()) {
      case "text" -> item.set("TextLayerContent", ComponentContent.textView(parsed(c.textLayerContent())));
      case "image" -> item.set("ImageLayerContent", ComponentContent.imageView(parsed(c.imageLayerContent())));
      default -> item.set("CaptionLayerContent", ComponentContent.captionView(parsed(c.captionLayerContent())));
    }
    return item;
  }

  private static JsonNode parsed(String json) {
    return json == null ? Json.object() : Json.parse(json).orElseThrow();
  }
}
