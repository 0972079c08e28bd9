package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** Recording configuration (API parameter RecordConfig, sent as JSON). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RecordConfig {

  /** OSS endpoint that receives the recordings (JSON key endpoint), such as http://oss-cn-shanghai.aliyuncs.com. */
  @Pattern(Patterns.NO_SPACE_TEXT)
  @Size(max = 512)
  private String endpoint;

  /** Name of the OSS bucket (JSON key ossBucket). */
  @Size(max = 128)
  private String ossBucket;

  /**
   * Interval in milliseconds (JSON key interval). The service does not report it back, so a change
   * made elsewhere is not seen as drift.
   */
  @Min(0)
  @Max(Integer.MAX_VALUE)
  private Long interval;

  /** Formats of the recorded files (JSON key videoFormat). */
  @Size(max = 10)
  private List<VideoFormat> videoFormat;

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public String getOssBucket() {
    return ossBucket;
  }

  public void setOssBucket(String ossBucket) {
    this.ossBucket = ossBucket;
  }

  public Long getInterval() {
    return interval;
  }

  public void setInterval(Long interval) {
    this.interval = interval;
  }

  public List<VideoFormat> getVideoFormat() {
    return videoFormat;
  }

  public void setVideoFormat(List<VideoFormat> videoFormat) {
    this.videoFormat = videoFormat;
  }
}
