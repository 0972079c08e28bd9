package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The corner of an overlay that positionNormalized places (overlays take corners only). */
public enum CornerRefer {
  /** Top left (default). */
  @JsonProperty("topLeft")
  TOP_LEFT,
  /** Top right. */
  @JsonProperty("topRight")
  TOP_RIGHT,
  /** Bottom left. */
  @JsonProperty("bottomLeft")
  BOTTOM_LEFT,
  /** Bottom right. */
  @JsonProperty("bottomRight")
  BOTTOM_RIGHT;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case TOP_LEFT -> "topLeft";
      case TOP_RIGHT -> "topRight";
      case BOTTOM_LEFT -> "bottomLeft";
      case BOTTOM_RIGHT -> "bottomRight";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static CornerRefer fromApiValue(String value) {
    for (CornerRefer v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
