package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of an overlay. */
public enum ComponentType {
  /** Text (set text). */
  @JsonProperty("text")
  TEXT,
  /** An image from the media library (set image). */
  @JsonProperty("image")
  IMAGE,
  /** Live captions of an input (set caption). */
  @JsonProperty("caption")
  CAPTION;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case TEXT -> "text";
      case IMAGE -> "image";
      case CAPTION -> "caption";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static ComponentType fromApiValue(String value) {
    for (ComponentType v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
