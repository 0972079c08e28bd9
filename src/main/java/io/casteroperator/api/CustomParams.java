package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Custom transcoding parameters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomParams {

  /** Video output parameters (JSON key video). */
  private VideoParams video;

  public VideoParams getVideo() {
    return video;
  }

  public void setVideo(VideoParams video) {
    this.video = video;
  }
}
