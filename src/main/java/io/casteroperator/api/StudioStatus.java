package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * The studio as the operator last applied or saw it: each item of the spec with its cloud id, and
 * what the cloud holds that the spec does not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StudioStatus {

  /** The inputs. */
  @Size(max = 100)
  private List<StudioItemStatus> videoResources;

  /** The channels. */
  @Size(max = 100)
  private List<StudioItemStatus> channels;

  /** The layouts. */
  @Size(max = 100)
  private List<StudioItemStatus> layouts;

  /** The overlays. */
  @Size(max = 100)
  private List<StudioItemStatus> components;

  /** The scenes, program and preview. */
  @Size(max = 2)
  private List<StudioItemStatus> scenes;

  /**
   * Items in the cloud no entry of the spec describes: kept on an adopted caster unless
   * spec.pruneUnmanagedStudioItems is true, deleted on a caster the operator created.
   */
  @Size(max = 100)
  private List<UnmanagedStudioItem> unmanaged;

  /** When the studio was last read as a whole (RFC 3339). */
  @Size(max = 64)
  private String observedAt;

  public List<StudioItemStatus> getVideoResources() {
    return videoResources;
  }

  public void setVideoResources(List<StudioItemStatus> videoResources) {
    this.videoResources = videoResources;
  }

  public List<StudioItemStatus> getChannels() {
    return channels;
  }

  public void setChannels(List<StudioItemStatus> channels) {
    this.channels = channels;
  }

  public List<StudioItemStatus> getLayouts() {
    return layouts;
  }

  public void setLayouts(List<StudioItemStatus> layouts) {
    this.layouts = layouts;
  }

  public List<StudioItemStatus> getComponents() {
    return components;
  }

  public void setComponents(List<StudioItemStatus> components) {
    this.components = components;
  }

  public List<StudioItemStatus> getScenes() {
    return scenes;
  }

  public void setScenes(List<StudioItemStatus> scenes) {
    this.scenes = scenes;
  }

  public List<UnmanagedStudioItem> getUnmanaged() {
    return unmanaged;
  }

  public void setUnmanaged(List<UnmanagedStudioItem> unmanaged) {
    this.unmanaged = unmanaged;
  }

  public String getObservedAt() {
    return observedAt;
  }

  public void setObservedAt(String observedAt) {
    this.observedAt = observedAt;
  }
}
