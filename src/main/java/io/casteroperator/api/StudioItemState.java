package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where an item of the studio stands. */
public enum StudioItemState {
  /** The cloud holds it as the spec says. */
  @JsonProperty("Applied")
  APPLIED,
  /** Not applied yet: waiting for its turn in the API budget, for what it depends on, or for the caster to run. */
  @JsonProperty("Pending")
  PENDING,
  /** The Live API refused it: see lastErrorCode and message. */
  @JsonProperty("Failed")
  FAILED,
  /** ObserveOnly: the cloud differs from the spec (see status.drift). */
  @JsonProperty("Drifted")
  DRIFTED;

  /** The value the API takes. */
  public String apiValue() {
    return switch (this) {
      case APPLIED -> "Applied";
      case PENDING -> "Pending";
      case FAILED -> "Failed";
      case DRIFTED -> "Drifted";
    };
  }

  /** The constant for an API value, or {@code null} if unknown. */
  public static StudioItemState fromApiValue(String value) {
    for (StudioItemState v : values()) {
      if (v.apiValue().equals(value)) {
        return v;
      }
    }
    return null;
  }
}
