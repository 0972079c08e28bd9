package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;

/** One field whose value in the cloud differs from the spec. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"field", "desired", "observed", "detectedAt"})
public class DriftEntry {

  /** The field as its spec path, such as delay or recordConfig.ossBucket. */
  @Size(max = 256)
  private String field;

  /** The value the spec asks for, as JSON; absent when the spec leaves the field out. */
  @Size(max = 4096)
  private String desired;

  /** The value the cloud reports, as JSON; absent when the cloud has none. */
  @Size(max = 4096)
  private String observed;

  /** When the difference was first seen (RFC 3339). */
  @Size(max = 64)
  private String detectedAt;

  public DriftEntry() {}

  public DriftEntry(String field, String desired, String observed, String detectedAt) {
    this.field = field;
    this.desired = desired;
    this.observed = observed;
    this.detectedAt = detectedAt;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public String getDesired() {
    return desired;
  }

  public void setDesired(String desired) {
    this.desired = desired;
  }

  public String getObserved() {
    return observed;
  }

  public void setObserved(String observed) {
    this.observed = observed;
  }

  public String getDetectedAt() {
    return detectedAt;
  }

  public void setDetectedAt(String detectedAt) {
    this.detectedAt = detectedAt;
  }
}
