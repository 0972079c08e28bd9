package io.casteroperator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;

/** Configuration of the automatic switch to the standby source. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AutoSwitchUrgentConfig {

  /** Seconds after the stream breaks before switching to the standby source (JSON key eofThres). */
  @Min(0)
  private Integer eofThres;

  public Integer getEofThres() {
    return eofThres;
  }

  public void setEofThres(Integer eofThres) {
    this.eofThres = eofThres;
  }
}
