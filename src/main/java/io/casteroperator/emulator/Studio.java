package io.casteroperator.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The studio inside one caster: inputs, channels, layouts, overlays and scenes. Items are immutable
 * records replaced on change; the maps keep the order items were added in, which is the order the
 * Describe calls list them. Only touched under the {@link CasterStore} lock.
 */
final class Studio {
  final Map<String, VideoResource> resources = new LinkedHashMap<>();
  final Map<String, Layout> layouts = new LinkedHashMap<>();
  final Map<String, Component> components = new LinkedHashMap<>();
  /** Channels that were ever set, by id; the others are empty. */
  final Map<String, Channel> channels = new TreeMap<>();
  /** Empty until the first start; then PVW first, PGM second. */
  final List<SceneState> scenes = new ArrayList<>();
  /** How the output URLs were signed at the last start; null before the first. */
  StreamUrls.Signing signing;

  /** A scene's state; its id and output type never change. */
  static final class SceneState {
    final String sceneId;
    final int outputType;
    int status;
    String layoutId;
    List<String> componentIds = List.of();

    SceneState(String sceneId, int outputType) {
      this.sceneId = sceneId;
      this.outputType = outputType;
    }

    String name() {
      // guess: the console's names for the two scenes of a general studio.
      return outputType == Scene.PROGRAM ? "PGM" : "PVW";
    }
  }

  VideoResource resource(String resourceId) {
    VideoResource r = resources.get(resourceId);
    if (r == null) {
      throw ApiError.INVALID_RESOURCE_NOT_FOUND.exception("Resource " + resourceId + " is not found.");
    }
    return r;
  }

  Optional<VideoResource> resourceAt(String locationId) {
    return resources.values().stream().filter(r -> r.locationId().equals(locationId)).findFirst();
  }

  Layout layout(String layoutId) {
    Layout l = layouts.get(layoutId);
    if (l == null) {
      throw ApiError.INVALID_LAYOUT_NOT_FOUND.exception("Layout " + layoutId + " is not found.");
    }
    return l;
  }

  Component component(String componentId) {
    Component c = components.get(componentId);
    if (c == null) {
      throw ApiError.INVALID_COMPONENT_NOT_FOUND.exception("Component " + componentId + " is not found.");
    }
    return c;
  }

  SceneState scene(String sceneId) {
    for (SceneState s : scenes) {
      if (s.sceneId.equals(sceneId)) {
        return s;
      }
    }
    throw ApiError.INVALID_SCENE_NOT_FOUND.exception("Scene " + sceneId + " is not found.");
  }

  /** The channel a resource is bound to, if any. */
  Optional<Channel> channelOf(String resourceId) {
    return channels.values().stream().filter(ch -> resourceId.equals(ch.resourceId())).findFirst();
  }
}
