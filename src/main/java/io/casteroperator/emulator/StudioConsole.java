package io.casteroperator.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a person in the console does to a studio behind the operator's back: add, change or delete
 * inputs, layouts and overlays, bind channels, change what a scene shows, start or stop the preview.
 * Parameters are named as in the API ({@code ResourceName}, {@code BlendList.1},
 * {@code VideoLayer.1.PositionNormalized.2}, {@code ComponentLayer} as JSON text) and checked as the
 * API checks them; no signature, no quota, no state rule, no strict references. An unknown caster,
 * item or scene is a {@link java.util.NoSuchElementException}; a refused value an
 * {@link IllegalArgumentException} whose message starts with the service's error code.
 */
public final class StudioConsole {
  private final CasterActions actions;

  StudioConsole(CasterActions actions) {
    this.actions = actions;
  }

  /** Returns the new ResourceId. */
  public String addVideoResource(String casterId, Map<String, String> parameters) {
    return actions.resources().consoleAdd(casterId, Objects.requireNonNull(parameters));
  }

  /** Merges: fields left out are kept, the source too unless one is given. */
  public void modifyVideoResource(String casterId, String resourceId, Map<String, String> parameters) {
    actions.resources().consoleModify(casterId, resourceId, Objects.requireNonNull(parameters));
  }

  /** False when there was none; references to it are left dangling. */
  public boolean deleteVideoResource(String casterId, String resourceId) {
    return actions.resources().consoleDelete(casterId, resourceId);
  }

  /** Returns the new LayoutId. */
  public String addLayout(String casterId, Map<String, String> parameters) {
    return actions.layouts().consoleAdd(casterId, Objects.requireNonNull(parameters));
  }

  /** Each of the four lists given replaces the layout's; the others are kept. */
  public void modifyLayout(String casterId, String layoutId, Map<String, String> parameters) {
    actions.layouts().consoleModify(casterId, layoutId, Objects.requireNonNull(parameters));
  }

  public boolean deleteLayout(String casterId, String layoutId) {
    return actions.layouts().consoleDelete(casterId, layoutId);
  }

  /** Returns the new ComponentId. */
  public String addComponent(String casterId, Map<String, String> parameters) {
    return actions.components().consoleAdd(casterId, Objects.requireNonNull(parameters));
  }

  public void modifyComponent(String casterId, String componentId, Map<String, String> parameters) {
    actions.components().consoleModify(casterId, componentId, Objects.requireNonNull(parameters));
  }

  public boolean deleteComponent(String casterId, String componentId) {
    return actions.components().consoleDelete(casterId, componentId);
  }

  /** Binds a resource to a channel of a studio in channel mode; null empties the channel. */
  public void setChannel(String casterId, String channelId, String resourceIdOrNull) {
    actions.channels().consoleSet(casterId, channelId, resourceIdOrNull);
  }

  /** What a scene shows, replaced; the scene need not run. */
  public void configureScene(String casterId, String sceneId, String layoutIdOrNull, List<String> componentIds) {
    actions.scenes().consoleConfigure(casterId, sceneId, layoutIdOrNull, List.copyOf(componentIds));
  }

  /** Starts or stops one scene; a scene of a stopped studio stays stopped. */
  public void setSceneRunning(String casterId, String sceneId, boolean running) {
    actions.scenes().consoleSceneStatus(casterId, sceneId, running);
  }
}
