package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** What an image overlay shows (API parameter ImageLayerContent). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ImageContent {

  /** The media library image. */
  @Required
  @Pattern(Patterns.NO_SPACE_TEXT)
  @Size(max = 128)
  private String materialId;

  public String getMaterialId() {
    return materialId;
  }

  public void setMaterialId(String materialId) {
    this.materialId = materialId;
  }
}
