package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** One recorded file format. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VideoFormat {

  /** File format (JSON key Format): m3u8, flv or mp4. */
  @Required
  private RecordFormat format;

  /** OSS object name prefix of the recorded files (JSON key OssObjectPrefix). */
  @Size(max = 512)
  private String ossObjectPrefix;

  /** OSS object name prefix of the slices of an m3u8 recording (JSON key SliceOssObjectPrefix). */
  @Size(max = 512)
  private String sliceOssObjectPrefix;

  /** Length of one recorded file in seconds, positive (JSON key CycleDuration). */
  @Min(1)
  @Max(Integer.MAX_VALUE)
  private Long cycleDuration;

  public RecordFormat getFormat() {
    return format;
  }

  public void setFormat(RecordFormat format) {
    this.format = format;
  }

  public String getOssObjectPrefix() {
    return ossObjectPrefix;
  }

  public void setOssObjectPrefix(String ossObjectPrefix) {
    this.ossObjectPrefix = ossObjectPrefix;
  }

  public String getSliceOssObjectPrefix() {
    return sliceOssObjectPrefix;
  }

  public void setSliceOssObjectPrefix(String sliceOssObjectPrefix) {
    this.sliceOssObjectPrefix = sliceOssObjectPrefix;
  }

  public Long getCycleDuration() {
    return cycleDuration;
  }

  public void setCycleDuration(Long cycleDuration) {
    this.cycleDuration = cycleDuration;
  }
}
