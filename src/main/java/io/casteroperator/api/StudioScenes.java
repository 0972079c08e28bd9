package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the two scenes of the studio show. They exist once the caster has run, so they need running:
 * true.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StudioScenes {

  /** The programme: what goes on air. */
  private SceneContent program;

  /** The preview. */
  private SceneContent preview;

  public SceneContent getProgram() {
    return program;
  }

  public void setProgram(SceneContent program) {
    this.program = program;
  }

  public SceneContent getPreview() {
    return preview;
  }

  public void setPreview(SceneContent preview) {
    this.preview = preview;
  }
}
