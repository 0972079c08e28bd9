package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an overlay is drawn above or below the video. */
public enum LayerOrder {
  /** Above the video. */
  @JsonProperty("cover")
  COVER,
  /** Below the video. */
  @JsonProperty("background")
  BACKGROUND;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case COVER -> "cover";
      case BACKGROUND -> "background";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static LayerOrder fromApiValue(String value) {
    for (LayerOrder v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
