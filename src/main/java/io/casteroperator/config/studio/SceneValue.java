package io.casteroperator.config.studio;

import java.util.List;

/**
 * A scene as the cloud reports it (DescribeCasterScenes) or as it is set (SetCasterSceneConfig).
 *
 * @param program the programme scene (OutputType 1) rather than the preview
 * @param layoutId the layout it shows, null for none
 * @param componentIds the overlays it shows, bottom-most first
 */
public record SceneValue(String sceneId, boolean program, String layoutId, List<String> componentIds) {

  public SceneValue {
    componentIds = componentIds == null ? List.of() : List.copyOf(componentIds);
  }

  /** What the spec decides of a scene: its layout and overlays, not its id or kind. */
  public List<Object> content() {
    return java.util.Arrays.asList(layoutId, componentIds);
  }
}
