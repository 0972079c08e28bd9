package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** An item in the cloud that no entry of the spec describes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UnmanagedStudioItem {

  /** videoResource, layout or component. */
  @Size(max = 32)
  private String kind;

  /** Its id in the cloud. */
  @Size(max = 128)
  private String id;

  /** Its location, if it has one. */
  @Size(max = 8)
  private String locationId;

  /** Its name in the cloud, if it has one. */
  @Size(max = 256)
  private String cloudName;

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
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

  public String getCloudName() {
    return cloudName;
  }

  public void setCloudName(String cloudName) {
    this.cloudName = cloudName;
  }
}
