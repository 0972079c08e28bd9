package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;

/** One transcoded output of a scene. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "transcode", "url"})
public class StreamOutput {

  /** The stream's format: flv, m3u8, rtmp (as the service names it). */
  @Size(max = 32)
  private String format;

  /** The transcoding of the stream, such as lhd (as the service names it). */
  @Size(max = 32)
  private String transcode;

  /** The stream's URL, with any auth_key value masked (auth_key=***); the outputs Secret has it whole. */
  @Size(max = 2048)
  private String url;

  public StreamOutput() {}

  public StreamOutput(String format, String transcode, String url) {
    this.format = format;
    this.transcode = transcode;
    this.url = url;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public String getTranscode() {
    return transcode;
  }

  public void setTranscode(String transcode) {
    this.transcode = transcode;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }
}
