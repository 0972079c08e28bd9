package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** What a scene shows (SetCasterSceneConfig): a layout and the overlays on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SceneContent {

  /** The name of the layout (in layouts) it shows; left out, none. */
  @Pattern(Patterns.STUDIO_NAME)
  @Size(max = 63)
  private String layout;

  /** The names of the overlays (in components) it shows, bottom-most first. */
  @Size(max = 24)
  @EachItem(maxLength = 63, pattern = Patterns.STUDIO_NAME)
  private List<String> components;

  public String getLayout() {
    return layout;
  }

  public void setLayout(String layout) {
    this.layout = layout;
  }

  public List<String> getComponents() {
    return components;
  }

  public void setComponents(List<String> components) {
    this.components = components;
  }
}
