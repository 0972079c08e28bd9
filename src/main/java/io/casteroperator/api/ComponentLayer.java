package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Where an overlay is drawn. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.positionNormalized) || self.positionNormalized.all(v, v >= 0.0 && v <= 1.0)",
    message = "positionNormalized: both values are fractions of the output, 0 to 1",
    fieldPath = ".positionNormalized",
    reason = "FieldValueInvalid")
public class ComponentLayer {

  /**
   * Height as a fraction of the output, 0 to 1; 0 keeps the native size; if both are set only the
   * height counts.
   */
  @Min(0)
  @Max(1)
  private Double heightNormalized;

  /** Width as a fraction of the output, 0 to 1. */
  @Min(0)
  @Max(1)
  private Double widthNormalized;

  /** Position [x, y] as fractions of the output, 0 to 1 each; default [0, 0]. */
  @Size(min = 2, max = 2)
  private List<Double> positionNormalized;

  /**
   * The corner that positionNormalized places: topLeft (default), topRight, bottomLeft or
   * bottomRight.
   */
  private CornerRefer positionRefer;

  public Double getHeightNormalized() {
    return heightNormalized;
  }

  public void setHeightNormalized(Double heightNormalized) {
    this.heightNormalized = heightNormalized;
  }

  public Double getWidthNormalized() {
    return widthNormalized;
  }

  public void setWidthNormalized(Double widthNormalized) {
    this.widthNormalized = widthNormalized;
  }

  public List<Double> getPositionNormalized() {
    return positionNormalized;
  }

  public void setPositionNormalized(List<Double> positionNormalized) {
    this.positionNormalized = positionNormalized;
  }

  public CornerRefer getPositionRefer() {
    return positionRefer;
  }

  public void setPositionRefer(CornerRefer positionRefer) {
    this.positionRefer = positionRefer;
  }
}
