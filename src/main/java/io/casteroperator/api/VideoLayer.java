package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** Where a layout shows one video source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.positionNormalized) || self.positionNormalized.all(v, v >= 0.0 && v <= 1.0)",
    message = "positionNormalized: both values are fractions of the output, 0 to 1",
    fieldPath = ".positionNormalized",
    reason = "FieldValueInvalid")
@ValidationRule(
    value = "!has(self.fillMode) || self.fillMode != 'fit' || (has(self.heightNormalized) && "
        + "self.heightNormalized > 0.0 && has(self.widthNormalized) && self.widthNormalized > 0.0)",
    message = "fillMode fit needs heightNormalized and widthNormalized above 0: the box the picture is "
        + "fitted into",
    fieldPath = ".fillMode",
    reason = "FieldValueRequired")
public class VideoLayer {

  /** none (default): the size of the source picture; fit: scaled into the box, aspect kept. */
  private FillMode fillMode;

  /**
   * Height of the box as a fraction of the output, 0 to 1; 0 (default) keeps the native size under
   * none.
   */
  @Min(0)
  @Max(1)
  private Double heightNormalized;

  /** Width of the box as a fraction of the output, 0 to 1. */
  @Min(0)
  @Max(1)
  private Double widthNormalized;

  /** Position [x, y] of the layer as fractions of the output, 0 to 1 each; default [0, 0]. */
  @Size(min = 2, max = 2)
  private List<Double> positionNormalized;

  /** The point of the layer that positionNormalized places; default topLeft. */
  private PositionRefer positionRefer;

  /** Fixed delay of this layer in milliseconds, 0 to 5000 (caption sync). */
  @Min(0)
  @Max(5000)
  private Long fixedDelayDuration;

  public FillMode getFillMode() {
    return fillMode;
  }

  public void setFillMode(FillMode fillMode) {
    this.fillMode = fillMode;
  }

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

  public PositionRefer getPositionRefer() {
    return positionRefer;
  }

  public void setPositionRefer(PositionRefer positionRefer) {
    this.positionRefer = positionRefer;
  }

  public Long getFixedDelayDuration() {
    return fixedDelayDuration;
  }

  public void setFixedDelayDuration(Long fixedDelayDuration) {
    this.fixedDelayDuration = fixedDelayDuration;
  }
}
