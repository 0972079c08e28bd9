package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A resource tag of a new caster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Tag {

  /** Tag key (API parameter Tag.N.Key). */
  @Required
  @Size(max = 128)
  private String key;

  /** Tag value (API parameter Tag.N.Value). */
  @Size(max = 128)
  private String value;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }
}
