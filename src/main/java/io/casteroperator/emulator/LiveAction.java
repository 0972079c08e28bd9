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
  DELETE_CASTER("DeleteCaster", 10);

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
