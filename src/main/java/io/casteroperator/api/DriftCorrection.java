package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The operator's last correction of drift. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DriftCorrection {

  /** The fields that were set back to the spec's values. */
  @Size(max = 64)
  @EachItem(maxLength = 256)
  private List<String> fields;

  /** When the correcting SetCasterConfig call succeeded (RFC 3339). */
  @Size(max = 64)
  private String correctedAt;

  public DriftCorrection() {}

  public DriftCorrection(List<String> fields, String correctedAt) {
    this.fields = fields;
    this.correctedAt = correctedAt;
  }

  public List<String> getFields() {
    return fields;
  }

  public void setFields(List<String> fields) {
    this.fields = fields;
  }

  public String getCorrectedAt() {
    return correctedAt;
  }

  public void setCorrectedAt(String correctedAt) {
    this.correctedAt = correctedAt;
  }
}
