package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** Which input plays on a channel (SetCasterChannel); only with channelEnable: true. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ChannelBinding {

  /** The channel, RV01 to RV99 (API parameter ChannelId). */
  @Required
  @Pattern(Patterns.INPUT_LOCATION)
  @Size(max = 4)
  private String channelId;

  /** The name of the input (in videoResources) it plays; an input plays on one channel at most. */
  @Required
  @Pattern(Patterns.STUDIO_NAME)
  @Size(max = 63)
  private String videoResource;

  public String getChannelId() {
    return channelId;
  }

  public void setChannelId(String channelId) {
    this.channelId = channelId;
  }

  public String getVideoResource() {
    return videoResource;
  }

  public void setVideoResource(String videoResource) {
    this.videoResource = videoResource;
  }
}
