package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A Secret in the Caster's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretReference {

  /** Name of the Secret. */
  @Required
  @Pattern(Patterns.K8S_NAME)
  @Size(max = 253)
  private String name;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
