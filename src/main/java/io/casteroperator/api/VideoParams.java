package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;

/** Video output parameters of a custom transcoding configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoParams {

  /** Frame rate in frames per second (JSON key fps). */
  @Min(1)
  private Integer fps;

  /** Bit rate in Kbit/s (JSON key bitrate). */
  @Min(1)
  private Integer bitrate;

  /** Width in pixels (JSON key width). */
  @Min(1)
  private Integer width;

  /** Height in pixels (JSON key height). */
  @Min(1)
  private Integer height;

  public Integer getFps() {
    return fps;
  }

  public void setFps(Integer fps) {
    this.fps = fps;
  }

  public Integer getBitrate() {
    return bitrate;
  }

  public void setBitrate(Integer bitrate) {
    this.bitrate = bitrate;
  }

  public Integer getWidth() {
    return width;
  }

  public void setWidth(Integer width) {
    this.width = width;
  }

  public Integer getHeight() {
    return height;
  }

  public void setHeight(Integer height) {
    this.height = height;
  }
}
