package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a video layer fits its source into its box. */
public enum FillMode {
  /** The layer takes the size of the source picture (default). */
  @JsonProperty("none")
  NONE,
  /** The picture is scaled into the box, keeping its aspect; uncovered strips show what is below. */
  @JsonProperty("fit")
  FIT;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case NONE -> "none";
      case FIT -> "fit";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static FillMode fromApiValue(String value) {
    for (FillMode v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
