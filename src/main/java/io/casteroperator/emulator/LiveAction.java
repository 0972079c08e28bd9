package io.casteroperator.emulator;

import java.util.Arrays;
import java.util.Optional;

/** The actions the emulator serves, with the per-user quota the documentation gives each. */
public enum LiveAction {
  CREATE_CASTER("CreateCaster", 10),
  DESCRIBE_CASTERS("DescribeCasters", 15),
  DESCRIBE_CASTER_CONFIG("DescribeCasterConfig", 15),
  SET_CASTER_CONFIG("SetCasterConfig", 10),
  START_CASTER("StartCaster", 10),
  STOP_CASTER("StopCaster", 10),
  /** Quota not documented; assumed like the other writes (live-api-notes §3). */
  DELETE_CASTER("DeleteCaster", 10),
  // Scenes and outputs (studio-api-notes §0.4, §2)
  DESCRIBE_CASTER_STREAM_URL("DescribeCasterStreamUrl", 5),
  DESCRIBE_CASTER_SCENES("DescribeCasterScenes", 15),
  SET_CASTER_SCENE_CONFIG("SetCasterSceneConfig", 10),
  UPDATE_CASTER_SCENE_CONFIG("UpdateCasterSceneConfig", 10),
  START_CASTER_SCENE("StartCasterScene", 10),
  STOP_CASTER_SCENE("StopCasterScene", 10),
  // Channels (§3)
  DESCRIBE_CASTER_CHANNELS("DescribeCasterChannels", 15),
  SET_CASTER_CHANNEL("SetCasterChannel", 10),
  // Video resources (§4)
  ADD_CASTER_VIDEO_RESOURCE("AddCasterVideoResource", 10),
  MODIFY_CASTER_VIDEO_RESOURCE("ModifyCasterVideoResource", 10),
  DELETE_CASTER_VIDEO_RESOURCE("DeleteCasterVideoResource", 10),
  DESCRIBE_CASTER_VIDEO_RESOURCES("DescribeCasterVideoResources", 15),
  // Layouts (§5)
  ADD_CASTER_LAYOUT("AddCasterLayout", 10),
  MODIFY_CASTER_LAYOUT("ModifyCasterLayout", 10),
  DELETE_CASTER_LAYOUT("DeleteCasterLayout", 10),
  DESCRIBE_CASTER_LAYOUTS("DescribeCasterLayouts", 15),
  // Components (§6)
  ADD_CASTER_COMPONENT("AddCasterComponent", 10),
  MODIFY_CASTER_COMPONENT("ModifyCasterComponent", 10),
  DELETE_CASTER_COMPONENT("DeleteCasterComponent", 10),
  DESCRIBE_CASTER_COMPONENTS("DescribeCasterComponents", 15);

  private final String actionName;
  private final int documentedQuota;

  LiveAction(String actionName, int documentedQuota) {
    this.actionName = actionName;
    this.documentedQuota = documentedQuota;
  }

  public String actionName() {
    return actionName;
  }

  public int documentedQuota() {
    return documentedQuota;
  }

  public static Optional<LiveAction> byName(String name) {
    return Arrays.stream(values()).filter(a -> a.actionName.equals(name)).findFirst();
  }
}
