package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recording file format. */
public enum RecordFormat {
  @JsonProperty("m3u8") M3U8,
  @JsonProperty("flv") FLV,
  @JsonProperty("mp4") MP4;

  /** The value the API takes. */
  public String apiValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The format for an API value, or {@code null} if unknown. */
  public static RecordFormat fromApiValue(String value) {
    for (RecordFormat f : values()) {
      if (f.apiValue().equalsIgnoreCase(value)) {
        return f;
      }
    }
    return null;
  }
}
