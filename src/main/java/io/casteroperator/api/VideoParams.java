package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Video output parameters of a custom transcoding configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoParams {

  /** Frame rate in frames per second (JSON key fps). */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  private Long fps;

  /** Bit rate in Kbit/s (JSON key bitrate). */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  private Long bitrate;

  /** Width in pixels (JSON key width). */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  private Long width;

  /** Height in pixels (JSON key height). */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  private Long height;

  public Long getFps() {
    return fps;
  }

  public void setFps(Long fps) {
    this.fps = fps;
  }

  public Long getBitrate() {
    return bitrate;
  }

  public void setBitrate(Long bitrate) {
    this.bitrate = bitrate;
  }

  public Long getWidth() {
    return width;
  }

  public void setWidth(Long width) {
    this.width = width;
  }

  public Long getHeight() {
    return height;
  }

  public void setHeight(Long height) {
    this.height = height;
  }
}
