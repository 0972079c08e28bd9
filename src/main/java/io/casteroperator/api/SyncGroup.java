package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** A group of video sources that play in sync. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "self.mode != 0 || has(self.hostResourceId)",
    message = "hostResourceId is required in streamer mode (mode 0)",
    fieldPath = ".hostResourceId",
    reason = "FieldValueRequired")
public class SyncGroup {

  /** 0: streamer mode, synchronized to the host source; 1: conference mode, all sources in sync (JSON key mode). */
  @Required
  @Min(0)
  @Max(1)
  private Long mode;

  /** IDs of the video sources in the group (JSON key resourceIds). */
  @Size(max = 50)
  @EachItem(maxLength = 128)
  private List<String> resourceIds;

  /** ID of the streamer's video source; required in streamer mode (JSON key hostResourceId). */
  @Size(max = 128)
  private String hostResourceId;

  public Long getMode() {
    return mode;
  }

  public void setMode(Long mode) {
    this.mode = mode;
  }

  public List<String> getResourceIds() {
    return resourceIds;
  }

  public void setResourceIds(List<String> resourceIds) {
    this.resourceIds = resourceIds;
  }

  public String getHostResourceId() {
    return hostResourceId;
  }

  public void setHostResourceId(String hostResourceId) {
    this.hostResourceId = hostResourceId;
  }
}
