package io.casteroperator.emulator;

import java.util.List;

/**
 * Everything a studio holds, as the cloud and its console see it (write-only fields included).
 * Items are in the order they were added; channels list RV01..RVnn in channel mode and nothing
 * otherwise; scenes are empty until the first start.
 */
public record StudioSnapshot(
    String casterId,
    String regionId,
    boolean running,
    int channelEnable,
    List<VideoResource> videoResources,
    List<Channel> channels,
    List<Layout> layouts,
    List<Component> components,
    List<Scene> scenes) {

  public StudioSnapshot {
    videoResources = List.copyOf(videoResources);
    channels = List.copyOf(channels);
    layouts = List.copyOf(layouts);
    components = List.copyOf(components);
    scenes = List.copyOf(scenes);
  }
}
