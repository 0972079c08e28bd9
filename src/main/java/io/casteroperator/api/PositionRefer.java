package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The point of a layer that positionNormalized places. */
public enum PositionRefer {
  /** Its top left corner (default). */
  @JsonProperty("topLeft")
  TOP_LEFT,
  /** Its top right corner. */
  @JsonProperty("topRight")
  TOP_RIGHT,
  /** Its bottom left corner. */
  @JsonProperty("bottomLeft")
  BOTTOM_LEFT,
  /** Its bottom right corner. */
  @JsonProperty("bottomRight")
  BOTTOM_RIGHT,
  /** Its centre. */
  @JsonProperty("center")
  CENTER,
  /** The middle of its top edge. */
  @JsonProperty("topCenter")
  TOP_CENTER,
  /** The middle of its bottom edge. */
  @JsonProperty("bottomCenter")
  BOTTOM_CENTER,
  /** The middle of its left edge. */
  @JsonProperty("leftCenter")
  LEFT_CENTER,
  /** The middle of its right edge. */
  @JsonProperty("rightCenter")
  RIGHT_CENTER;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case TOP_LEFT -> "topLeft";
      case TOP_RIGHT -> "topRight";
      case BOTTOM_LEFT -> "bottomLeft";
      case BOTTOM_RIGHT -> "bottomRight";
      case CENTER -> "center";
      case TOP_CENTER -> "topCenter";
      case BOTTOM_CENTER -> "bottomCenter";
      case LEFT_CENTER -> "leftCenter";
      case RIGHT_CENTER -> "rightCenter";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static PositionRefer fromApiValue(String value) {
    for (PositionRefer v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
