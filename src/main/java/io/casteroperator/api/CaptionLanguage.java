package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A language of live captions. */
public enum CaptionLanguage {
  /** English. */
  @JsonProperty("en")
  EN,
  /** Chinese. */
  @JsonProperty("cn")
  CN,
  /** Spanish. */
  @JsonProperty("es")
  ES,
  /** Russian. */
  @JsonProperty("ru")
  RU;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case EN -> "en";
      case CN -> "cn";
      case ES -> "es";
      case RU -> "ru";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static CaptionLanguage fromApiValue(String value) {
    for (CaptionLanguage v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
