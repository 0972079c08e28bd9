package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How an overlay moves. */
public enum ComponentEffect {
  /** It stands still (default). */
  @JsonProperty("none")
  NONE,
  /** It scrolls horizontally. */
  @JsonProperty("animateH")
  ANIMATE_H,
  /** It scrolls vertically. */
  @JsonProperty("animateV")
  ANIMATE_V;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case NONE -> "none";
      case ANIMATE_H -> "animateH";
      case ANIMATE_V -> "animateV";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static ComponentEffect fromApiValue(String value) {
    for (ComponentEffect v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
