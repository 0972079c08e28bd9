package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** One item of the studio as the operator last applied or saw it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StudioItemStatus {

  /** The name in the spec (for channels, the channelId; for scenes, program or preview). */
  @Size(max = 63)
  private String name;

  /**
   * Its id in the cloud: ResourceId, LayoutId, ComponentId or SceneId (for a channel, the
   * ResourceId it plays).
   */
  @Size(max = 128)
  private String id;

  /** Its location (inputs and overlays). */
  @Size(max = 8)
  private String locationId;

  /** Applied, Pending, Failed or Drifted. */
  private StudioItemState state;

  /**
   * Content hash of what was last applied: the operator compares the spec with it for what the
   * cloud cannot report.
   */
  @Size(max = 64)
  private String appliedHash;

  /**
   * Content hash of what only adding the item again can change (its location; an input's fixed
   * delay; an overlay's layer order): when it changes, the item is deleted and added again.
   */
  @Size(max = 64)
  private String fixedHash;

  /** The Live API error code of the last failed call for this item. */
  @Size(max = 128)
  private String lastErrorCode;

  /** What happened, or what it waits for. */
  @Size(max = 1024)
  private String message;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getLocationId() {
    return locationId;
  }

  public void setLocationId(String locationId) {
    this.locationId = locationId;
  }

  public StudioItemState getState() {
    return state;
  }

  public void setState(StudioItemState state) {
    this.state = state;
  }

  public String getAppliedHash() {
    return appliedHash;
  }

  public void setAppliedHash(String appliedHash) {
    this.appliedHash = appliedHash;
  }

  public String getFixedHash() {
    return fixedHash;
  }

  public void setFixedHash(String fixedHash) {
    this.fixedHash = fixedHash;
  }

  public String getLastErrorCode() {
    return lastErrorCode;
  }

  public void setLastErrorCode(String lastErrorCode) {
    this.lastErrorCode = lastErrorCode;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
