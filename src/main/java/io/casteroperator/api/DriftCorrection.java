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

  /** The metadata.generation whose spec the correction set back. */
  private Long generation;

  /**
   * Fields whose correction did not take: the next read still differed (the service keeps its own
   * value, normalising what it is sent, say). They are not corrected again until the spec changes.
   */
  @Size(max = 64)
  @EachItem(maxLength = 256)
  private List<String> didNotTake;

  public DriftCorrection() {}

  public DriftCorrection(List<String> fields, String correctedAt, Long generation, List<String> didNotTake) {
    this.fields = fields;
    this.correctedAt = correctedAt;
    this.generation = generation;
    this.didNotTake = didNotTake;
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

  public Long getGeneration() {
    return generation;
  }

  public void setGeneration(Long generation) {
    this.generation = generation;
  }

  public List<String> getDidNotTake() {
    return didNotTake;
  }

  public void setDidNotTake(List<String> didNotTake) {
    this.didNotTake = didNotTake;
  }
}
