package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which channels of a source an audio layer takes. */
public enum AudioChannel {
  /** The left channel. */
  @JsonProperty("leftChannel")
  LEFT,
  /** The right channel. */
  @JsonProperty("rightChannel")
  RIGHT,
  /** Both (default). */
  @JsonProperty("all")
  ALL;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case LEFT -> "leftChannel";
      case RIGHT -> "rightChannel";
      case ALL -> "all";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static AudioChannel fromApiValue(String value) {
    for (AudioChannel v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
