package io.casteroperator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One field where the cloud differs from the spec.
 *
 * @param field the spec path, such as {@code delay} or {@code recordConfig.ossBucket}
 * @param desired the normalized value the spec asks for; {@code null} when it leaves it out
 * @param observed the normalized value the cloud reports; {@code null} when it has none
 */
public record FieldDifference(String field, Object desired, Object observed) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The desired value as JSON with signed-URL keys masked, for status and events; null when unset. */
  public String desiredJson() {
    return display(desired);
  }

  /** The observed value as JSON with signed-URL keys masked, for status and events; null when unset. */
  public String observedJson() {
    return display(observed);
  }

  private static String display(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Redaction.maskUrls(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      return Redaction.maskUrls(String.valueOf(value));
    }
  }
}
